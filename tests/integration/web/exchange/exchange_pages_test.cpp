// The exchange's pages for every kind of person against every audience, from
// data/exchange_pages_access.csv: the lists and their counts, the announcement's page, the
// inventory, commenting, editing, publishing and changing the status. Then what a page shows:
// threads by section, signatures, the earlier wordings, the read-only state, errors in the
// reader's language with nothing typed lost, and the inventory's content in CSV and XLSX.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "exchange_fixture.hpp"
#include "io/csv_reader.hpp"

namespace att::testing {
namespace {

class ExchangePages : public ExchangeServer {};

std::string outcome_of(const HttpResult& result) {
  const auto location = result.header("location");
  if (result.status == 200) return "ok";
  if (result.status == 303 && location.rfind("/sign-in?next=", 0) == 0) return "sign_in";
  if (result.status == 303 && location == "/account/two-factor") return "set_up_second_factor";
  if (result.status == 303 && location.rfind("/announcements/", 0) == 0) return "redirect";
  if (result.status == 400) return "invalid";
  if (result.status == 403) return "forbidden";
  if (result.status == 404) return "not_found";
  if (result.status == 409) return "closed";
  return "status " + std::to_string(result.status) + " " + location;
}

std::vector<std::pair<std::string, std::string>> form_for(const std::string& path) {
  if (path.ends_with("/status")) return {{"status", "closed"}};
  if (path.ends_with("/publish"))
    return {{"title", "Meeting dates"}, {"body", "The next meeting is in **May**."},
            {"kind", "announcement"},   {"audience", "parties"},
            {"deadline", ""},           {"sections", ""}};
  if (path.ends_with("/comments")) return {{"body", "We support section 2."}, {"section", "2"}};
  return {{"body", "Section 1 is too broad; see the annex."}};
}

TEST_F(ExchangePages, EveryPersonAgainstEveryAudience) {
  const auto parties_row = "id=\"announcement-" + ids_.at("{parties}") + "\"";
  const auto checked = for_each_cell("exchange_pages_access.csv", [&](const Cell& cell) {
    const auto result =
        cell.method == "POST" ? cell.browser.post(cell.path, form_for(cell.path)) : cell.browser.get(cell.path);
    if (cell.method == "LIST" && result.status == 200) {
      // The rows of the audiences the person is in; the planted comment counted only where its
      // consultation is listed (the lists come first in the file, before any comment).
      EXPECT_EQ(std::to_string(count_of(result.body, "<tr id=\"announcement-")), cell.expected)
          << cell.path << " " << cell.kind;
      const bool sees_parties = result.body.find(parties_row) != std::string::npos;
      EXPECT_EQ(count_of(result.body, "data-comments=\"1\""), sees_parties ? 1u : 0u) << cell.path << " " << cell.kind;
      EXPECT_EQ(result.body.find("Draft for parties") != std::string::npos, sees_parties)
          << cell.path << " " << cell.kind;
      return;
    }
    EXPECT_EQ(outcome_of(result), cell.expected) << cell.method << " " << cell.path << " as " << cell.kind;
    // Outsiders learn nothing: not the title, not a word of the comments.
    if (cell.expected == "not_found") {
      EXPECT_EQ(result.body.find("Draft for"), std::string::npos) << cell.path << " " << cell.kind;
      EXPECT_EQ(result.body.find("too broad"), std::string::npos) << cell.path << " " << cell.kind;
    }
  });
  EXPECT_GE(checked, 150);
}

TEST_F(ExchangePages, AnOutsiderGetsTheSamePageAsForNothing) {
  auto observer = signed_in("observer");
  const auto hidden = observer.get(resolved("/announcements/{parties}"));
  const auto missing = observer.get("/announcements/999999");
  const auto unknown = observer.get("/no-such-page");
  EXPECT_EQ(hidden.status, 404);
  EXPECT_EQ(missing.status, 404);
  // The same words as an address that does not exist (the pages differ only in their own address).
  EXPECT_EQ(text_of_id(hidden.body, "main"), text_of_id(missing.body, "main"));
  EXPECT_EQ(text_of_id(hidden.body, "main"), text_of_id(unknown.body, "main"));
  EXPECT_EQ(hidden.body.find("Draft for"), std::string::npos);
  const auto pdf = observer.get(resolved("/api/v1/announcements/{parties}/inventory?format=pdf"));
  EXPECT_EQ(pdf.body, observer.get("/api/v1/announcements/999999/inventory?format=pdf").body);
}

TEST_F(ExchangePages, CommentsAreThreadedBySectionSignedAndKeepTheirEarlierWordings) {
  auto representative = signed_in("representative");
  const auto page = resolved("/announcements/{parties}");
  representative.get(page + "?reply_to=" + ids_.at("{comment}"));
  EXPECT_NE(representative.last().body.find("id=\"replying-to\""), std::string::npos);
  const auto reply = representative.post(resolved("/announcements/{parties}/comments"),
                                         {{"body", "And the costs are *high*."}, {"reply_to", ids_.at("{comment}")}});
  ASSERT_EQ(reply.status, 303) << reply.body;
  representative.get(page + "?edit=" + ids_.at("{comment}"));
  EXPECT_NE(representative.last().body.find(">Section 1 is too broad.</textarea>"), std::string::npos);
  const auto edited = representative.post(resolved("/announcements/{parties}/comments/{comment}"),
                                          {{"body", "Section 1 should name the categories."}});
  ASSERT_EQ(edited.status, 303);
  auto chair = signed_in("chair");
  const auto shown = chair.get(page + "?lang=fr").body;
  // Under the heading of section 1, the comment signed by its author and State, then the reply.
  const auto section = shown.find("<h3>1. Scope</h3>");
  const auto comment = shown.find("id=\"comment-" + ids_.at("{comment}") + "\"");
  const auto answer = shown.find("comment-depth-1");
  ASSERT_NE(section, std::string::npos) << shown;
  EXPECT_LT(section, comment);
  EXPECT_LT(comment, answer);
  EXPECT_NE(shown.find("representative (France)"), std::string::npos);
  EXPECT_NE(shown.find("<em>high</em>"), std::string::npos);
  EXPECT_NE(shown.find("Section 1 should name the categories."), std::string::npos);
  EXPECT_NE(shown.find("Rédactions antérieures"), std::string::npos);
  EXPECT_NE(shown.find("Section 1 is too broad."), std::string::npos) << "the earlier wording is kept";
  // The chair did not write the comment: no link to edit it.
  EXPECT_EQ(shown.find("edit-link"), std::string::npos);
  EXPECT_NE(representative.get(page).body.find("edit-link"), std::string::npos);
}

TEST_F(ExchangePages, AfterTheDeadlineThePageIsReadOnlyAndSaysSo) {
  auto representative = signed_in("representative");
  const auto closed = representative.get(resolved("/announcements/{closed}?lang=es"));
  ASSERT_EQ(closed.status, 200);
  EXPECT_NE(closed.body.find("id=\"comments-closed\""), std::string::npos);
  EXPECT_NE(closed.body.find("solo lectura"), std::string::npos);
  EXPECT_EQ(closed.body.find("id=\"comment-form\""), std::string::npos);
  EXPECT_NE(representative.get(resolved("/announcements/{parties}")).body.find("id=\"comment-form\""),
            std::string::npos);
  // Closing by hand stops the comments the same way.
  auto chair = signed_in("chair");
  chair.get(resolved("/announcements/{parties}"));  // the page holding the status form
  ASSERT_EQ(chair.post(resolved("/announcements/{parties}/status"), {{"status", "closed"}}).status, 303);
  EXPECT_EQ(text_of_id(chair.get(resolved("/announcements/{parties}")).body, "announcement-status"), "Closed");
  const auto after = representative.get(resolved("/announcements/{parties}"));
  EXPECT_NE(after.body.find("id=\"comments-closed\""), std::string::npos);
  EXPECT_EQ(after.body.find("edit-link"), std::string::npos);
  const auto refused = representative.post(resolved("/announcements/{parties}/comments/{comment}"), {{"body", "Late"}});
  EXPECT_EQ(refused.status, 409);
}

TEST_F(ExchangePages, ErrorsStandNextToTheirFieldInTheReadersLanguageAndKeepWhatWasTyped) {
  auto representative = signed_in("representative");
  representative.get(resolved("/announcements/{parties}?lang=fr"));
  const auto empty =
      representative.post(resolved("/announcements/{parties}/comments"), {{"body", "  "}, {"section", "2"}});
  EXPECT_EQ(empty.status, 400);
  EXPECT_NE(text_of_id(empty.body, "field-body-error").find("Rédigez"), std::string::npos) << empty.body;
  EXPECT_NE(empty.body.find("<option value=\"2\" selected>"), std::string::npos) << "the section chosen stays chosen";
  const auto bad_section =
      representative.post(resolved("/announcements/{parties}/comments"), {{"body", "Keep me"}, {"section", "9"}});
  EXPECT_EQ(bad_section.status, 400);
  EXPECT_FALSE(text_of_id(bad_section.body, "field-section-error").empty());
  EXPECT_NE(bad_section.body.find(">Keep me</textarea>"), std::string::npos);

  auto chair = signed_in("chair");
  chair.get("/restricted/publish?lang=es");
  const auto wrong = chair.post("/restricted/publish", {{"title", ""},
                                                        {"body", "Texto del borrador"},
                                                        {"kind", "consultation"},
                                                        {"audience", "registered"},
                                                        {"deadline", "mañana"},
                                                        {"sections", "Uno\nDos"}});
  EXPECT_EQ(wrong.status, 400);
  EXPECT_FALSE(text_of_id(wrong.body, "field-title-error").empty());
  EXPECT_NE(text_of_id(wrong.body, "field-deadline-error").find("plazo"), std::string::npos) << wrong.body;
  EXPECT_NE(wrong.body.find("Texto del borrador"), std::string::npos);
  EXPECT_NE(wrong.body.find("Uno\nDos"), std::string::npos);
  EXPECT_NE(wrong.body.find("<option value=\"registered\" selected>"), std::string::npos);
  const auto published = chair.post("/restricted/publish", {{"title", "Borrador"},
                                                            {"body", "Texto <script>alert(1)</script>"},
                                                            {"kind", "consultation"},
                                                            {"audience", "registered"},
                                                            {"deadline", "2099-03-01 17:00"},
                                                            {"sections", "Uno\n\n Dos \n"}});
  ASSERT_EQ(published.status, 303);
  const auto page = chair.get(published.header("location") + "?lang=en").body;
  EXPECT_EQ(page.find("<script>alert"), std::string::npos) << "the body is sanitised";
  EXPECT_NE(page.find("<li>1. Uno</li><li>2. Dos</li>"), std::string::npos) << page;
  EXPECT_NE(page.find("1 March 2099, 17:00 UTC"), std::string::npos);
}

TEST_F(ExchangePages, TheInventoryGroupsBySectionAndState) {
  auto officer = signed_in("reporting_officer_of_germany");
  officer.get("/sign-in");
  ASSERT_EQ(
      officer.post(resolved("/announcements/{parties}/comments"), {{"body", "Die Kosten sind hoch."}, {"section", "2"}})
          .status,
      303);
  ASSERT_EQ(officer
                .post(resolved("/announcements/{parties}/comments"),
                      {{"body", "=SUM(A1)"}, {"reply_to", ids_.at("{comment}")}})
                .status,
            303);
  auto chair = signed_in("chair");
  const auto csv = chair.get(resolved("/api/v1/announcements/{parties}/inventory?format=csv"));
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.header("content-type"), "text/csv; charset=utf-8");
  const auto table = io::CsvTable::parse(csv.body);
  ASSERT_TRUE(table);
  ASSERT_EQ(table->rows().size(), 3u);
  const auto& rows = table->rows();
  EXPECT_EQ(table->field(rows[0], "Section"), "1. Scope");
  EXPECT_EQ(table->field(rows[0], "State"), "France");
  EXPECT_EQ(table->field(rows[0], "Text (last wording)"), "Section 1 is too broad.");
  // The German reply stays in the French thread, after the comment it answers; a formula is
  // written as text for people.
  EXPECT_EQ(table->field(rows[1], "State"), "France");
  EXPECT_EQ(table->field(rows[1], "Author’s State"), "Germany");
  EXPECT_EQ(table->field(rows[1], "In reply to"), ids_.at("{comment}"));
  EXPECT_EQ(table->field(rows[1], "Text (last wording)"), "'=SUM(A1)");
  EXPECT_EQ(table->field(rows[2], "Section"), "2. Costs");
  EXPECT_EQ(table->field(rows[2], "State"), "Germany");
  const auto xlsx = chair.get(resolved("/api/v1/announcements/{parties}/inventory?format=xlsx&lang=fr"));
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  const auto page = chair.get(resolved("/announcements/{parties}/inventory"));
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(text_of_id(page.body, "inventory-total"), "3");
  EXPECT_LT(page.body.find("<h2>1. Scope</h2>"), page.body.find("<h2>2. Costs</h2>"));
  const auto wrong = chair.get(resolved("/api/v1/announcements/{parties}/inventory?format=doc"));
  EXPECT_EQ(wrong.status, 400);
}

TEST_F(ExchangePages, PublishingAndChangingTheStatusAreAuditedWithoutTheTitle) {
  auto chair = signed_in("chair");
  chair.get("/restricted/publish");
  const auto published = chair.post(
      "/restricted/publish",
      {{"title", "Audited draft terms"}, {"body", "Text"}, {"kind", "consultation"}, {"audience", "parties"}});
  ASSERT_EQ(published.status, 303);
  const auto path = published.header("location");
  chair.get(path);
  ASSERT_EQ(chair.post(path + "/status", {{"status", "closed"}}).status, 303);
  const auto actions = audited_actions();
  EXPECT_TRUE(actions.contains("announcement_published"));
  EXPECT_TRUE(actions.contains("announcement_status_changed"));
  // The log names the announcement by number, kind and audience: its title stays with its audience.
  const auto exported = nlohmann::json::parse(run_att({"audit", "export", "--db", db_path_, "--format", "json"}).out);
  const auto id = path.substr(path.rfind('/') + 1);
  std::set<std::string> details;
  for (const auto& entry : exported)
    if (entry.value("target", "") == "announcement:" + id) details.insert(entry.value("detail", ""));
  EXPECT_EQ(details, (std::set<std::string>{"consultation, parties", "closed"}));
  EXPECT_EQ(exported.dump().find("Audited draft terms"), std::string::npos);
}

}  // namespace
}  // namespace att::testing
