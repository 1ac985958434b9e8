// The reporting tool's pages over HTTP, for every kind of person: the officer's home and the
// Secretariat's overview, the editor's form (with and without script), and above all that a
// State's drafts are seen and changed by its own officers and the Secretariat only; anyone else
// is answered 404, with nothing of the draft in the answer.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "reporting/reports_store.hpp"
#include "server_with_accounts.hpp"

namespace att::reporting {
using namespace att::literals;
namespace {

constexpr const char* secret_words = "Draft words only France may read";

// The text of the element with this id and of everything inside it, tags removed ("" if absent).
std::string element_text(const std::string& html, const std::string& id) {
  const auto at = html.find("id=\"" + id + "\"");
  if (at == std::string::npos) return "";
  const auto open = html.rfind('<', at);
  const auto name = html.substr(open + 1, html.find_first_of(" >", open) - open - 1);
  std::size_t depth = 0;
  auto position = open;
  std::string text;
  bool in_tag = false;
  for (; position < html.size(); ++position) {
    if (html.compare(position, name.size() + 2, "</" + name) == 0 && --depth == 0) break;
    if (html.compare(position, name.size() + 1, "<" + name) == 0) ++depth;
    if (html[position] == '<') in_tag = true;
    else if (html[position] == '>') in_tag = false;
    else if (!in_tag) text += html[position];
  }
  return text;
}

class ReportingPages : public testing::ServerWithAccounts {
 protected:
  void prepare(store::Database& db) override {
    store::Transaction transaction(db);
    reports::AnnualReport report;
    report.reporting_state = "FRA";
    report.year = 2022;
    report.template_id = "annual-2021";
    report.visibility = reports::Visibility::public_report;
    reports::ReportLine line;
    line.category = "II";
    line.partner_state = "BEL";
    line.items = 4;
    report.lines = {line};
    submit(db, {report, Channel::online, Date::parse("2023-05-20").value(), false, {}}, "2023-05-20T10:00:00Z"_utc);
    report.year = 2023;
    report.comments = secret_words;
    save_draft(db, report, std::nullopt, "2024-03-01T10:00:00Z"_utc);
    transaction.commit();
  }

  nlohmann::json draft_of(testing::Browser& browser, const std::string& state, int year) {
    const auto answer = browser.get("/api/v1/reports/" + state + "/" + std::to_string(year) + "/draft");
    EXPECT_EQ(answer.status, 200) << answer.body.substr(0, 300);
    return nlohmann::json::parse(answer.body, nullptr, false);
  }

  // The draft's lines, exports then imports, each with its direction.
  static nlohmann::json lines_of(const nlohmann::json& draft) {
    nlohmann::json lines = nlohmann::json::array();
    for (const std::string table : {"exports", "imports"})
      for (auto line : draft[table]) {
        line["direction"] = table == "exports" ? "export" : "import";
        lines.push_back(line);
      }
    return lines;
  }

  // The editor's fields for one export line, as the page's form posts them.
  static std::vector<std::pair<std::string, std::string>> one_line(const std::string& category,
                                                                   const std::string& partner,
                                                                   const std::string& items) {
    return {{"visibility", "public"},     {"contact.name", "A. Officer"}, {"l0.direction", "export"},
            {"l0.category", category},    {"l0.partner_state", partner},  {"l0.items", items},
            {"comments", "typed in the editor"}};
  }
};

TEST_F(ReportingPages, AnonymousVisitorsAreSentToSignInAndBack) {
  testing::Browser anonymous(server_->port());
  for (const std::string path : {"/reporting", "/reporting/FRA/2023"}) {
    const auto answer = anonymous.get(path);
    EXPECT_EQ(answer.status, 303) << path;
    EXPECT_EQ(answer.header("location"), "/sign-in?next=" + std::string(path == "/reporting" ? "%2Freporting" : "%2Freporting%2FFRA%2F2023"));
    EXPECT_EQ(answer.body.find(secret_words), std::string::npos);
  }
  // Signing in with a second factor comes back to the page asked for.
  anonymous.get("/sign-in?next=%2Freporting%2FFRA%2F2023");
  const auto password_step = anonymous.post(
      "/sign-in", {{"email", "officer@example.org"}, {"password", testing::password}, {"next", "/reporting/FRA/2023"}});
  EXPECT_EQ(password_step.header("location"), "/sign-in/second-factor?next=%2Freporting%2FFRA%2F2023");
  anonymous.get(password_step.header("location"));
  const auto code_step =
      anonymous.post("/sign-in/second-factor", {{"code", totp_code_now("reporting_officer")}, {"next", "/reporting/FRA/2023"}});
  EXPECT_EQ(code_step.header("location"), "/reporting/FRA/2023");
  EXPECT_NE(anonymous.get("/reporting/FRA/2023").body.find(secret_words), std::string::npos);
}

TEST_F(ReportingPages, OfficersHomeShowsObligationsDraftsAndVersions) {
  auto officer = signed_in("reporting_officer");
  const auto home = officer.get("/reporting");
  ASSERT_EQ(home.status, 200) << home.body.substr(0, 300);
  const auto table = element_text(home.body, "annual-reports");
  EXPECT_NE(table.find("Annual report 2022"), std::string::npos);
  EXPECT_NE(table.find("submitted on time"), std::string::npos) << "received 20 May 2023, due 31 May 2023";
  EXPECT_NE(table.find("Annual report 2015"), std::string::npos) << "France owes every year since 2015";
  EXPECT_NE(table.find("overdue"), std::string::npos) << "earlier years have no report here";
  EXPECT_NE(home.body.find("/reports/FRA/2022/receipt?version=1"), std::string::npos);
  EXPECT_NE(element_text(home.body, "drafts").find("Annual report 2023"), std::string::npos);
  EXPECT_NE(element_text(home.body, "initial-report").find("Initial report"), std::string::npos);
  EXPECT_NE(home.body.find("href=\"/reporting\" aria-current=\"page\""), std::string::npos) << "the navigation entry";
}

TEST_F(ReportingPages, NobodyElseSeesOrChangesAStatesDraft) {
  // Each kind of person who may not work on France's reports, and what /reporting answers them.
  const std::vector<std::pair<std::string, int>> others = {
      {"reporting_officer_of_germany", 200}, {"representative", 403}, {"observer", 403}, {"chair", 403},
      {"representative_of_signatory", 403}};
  for (const auto& [kind, home_status] : others) {
    auto browser = signed_in(kind);
    const auto home = browser.get("/reporting");
    if (home_status == 200) {
      EXPECT_NE(home.body.find("Reporting: Germany"), std::string::npos) << "its own State's home";
    }
    EXPECT_EQ(home.status, home_status) << kind;
    EXPECT_EQ(home.body.find("/reporting/FRA/"), std::string::npos) << kind << ": never France's reports";
    const auto page = browser.get("/reporting/FRA/2023");
    EXPECT_EQ(page.status, 404) << kind << ": 404, not 403: the draft is not even confirmed";
    EXPECT_EQ(page.body.find(secret_words), std::string::npos) << kind;
    EXPECT_EQ(browser.get("/reporting/FRA/2031").status, 404) << kind << ": a year without a draft looks the same";
    browser.get("/");
    const auto posted = browser.post("/reporting/FRA/2023", one_line("II", "BEL", "1"));
    EXPECT_EQ(posted.status, 404) << kind;
    const auto scripted = browser.post_from_script("/reporting/FRA/2023", one_line("II", "BEL", "1"));
    EXPECT_EQ(scripted.status, 404) << kind;
    EXPECT_EQ(scripted.body.find(secret_words), std::string::npos) << kind;
  }
  // The draft is as France left it.
  auto officer = signed_in("reporting_officer");
  EXPECT_EQ(draft_of(officer, "FRA", 2023)["comments"], secret_words);
}

TEST_F(ReportingPages, TheSecretariatSeesTheOverviewAndAnyStatesDrafts) {
  auto secretariat = signed_in("secretariat");
  const auto overview = secretariat.get("/reporting");
  ASSERT_EQ(overview.status, 200);
  EXPECT_NE(element_text(overview.body, "recent-submissions").find("France · 2022"), std::string::npos);
  EXPECT_NE(element_text(overview.body, "applications").find("Applications waiting for review: 0"), std::string::npos);
  EXPECT_NE(element_text(overview.body, "pending-drafts").find("France · 2023"), std::string::npos);
  const auto france = secretariat.get("/reporting?state=France");
  EXPECT_NE(france.body.find("Reporting: France"), std::string::npos);
  const auto editor = secretariat.get("/reporting/FRA/2023");
  EXPECT_EQ(editor.status, 200);
  EXPECT_NE(editor.body.find(secret_words), std::string::npos);
}

TEST_F(ReportingPages, AFormPostedWithoutScriptIsSavedAsTheDraft) {
  auto officer = signed_in("reporting_officer");
  officer.get("/reporting/FRA/2024");
  // Category and partner typed as a person would: a label and a name, in French.
  const auto saved = officer.post("/reporting/FRA/2024", one_line("Fusils et carabines", "Allemagne", "12"));
  EXPECT_EQ(saved.status, 303);
  EXPECT_EQ(saved.header("location"), "/reporting/FRA/2024#save-status");
  auto draft = draft_of(officer, "FRA", 2024);
  ASSERT_EQ(lines_of(draft).size(), 1u) << draft.dump();
  EXPECT_EQ(lines_of(draft)[0]["category"], "VIII.SA.2");
  EXPECT_EQ(lines_of(draft)[0]["partner_state"], "DEU");
  EXPECT_EQ(draft["contact"]["name"], "A. Officer");
  // The page shows the line again in the reader's language, with the category's total.
  const auto page = officer.get("/reporting/FRA/2024");
  EXPECT_NE(page.body.find("value=\"VIII.SA.2 · Small arms: rifles and carbines\""), std::string::npos);
  EXPECT_NE(page.body.find("value=\"Germany\""), std::string::npos);
  EXPECT_NE(element_text(page.body, "totals-export").find("12"), std::string::npos);
  EXPECT_NE(element_text(page.body, "save-status").find("Last saved"), std::string::npos);

  // Duplicate, then delete, by the rows' buttons.
  auto fields = one_line("VIII.SA.2", "DEU", "12");
  fields.emplace_back("action", "duplicate:0");
  officer.post("/reporting/FRA/2024", fields);
  EXPECT_EQ(lines_of(draft_of(officer, "FRA", 2024)).size(), 2u);
  fields.back() = {"action", "delete:0"};
  officer.post("/reporting/FRA/2024", fields);
  EXPECT_EQ(lines_of(draft_of(officer, "FRA", 2024)).size(), 0u);
}

TEST_F(ReportingPages, AutosaveAnswersWithFindingsNextToTheirFields) {
  auto officer = signed_in("reporting_officer");
  officer.get("/reporting/FRA/2024");
  const auto answer = officer.post_from_script("/reporting/FRA/2024", one_line("II", "Atlantis", "abc"));
  ASSERT_EQ(answer.status, 200) << answer.body.substr(0, 300);
  const auto body = nlohmann::json::parse(answer.body);
  EXPECT_EQ(body["saved"], true);
  EXPECT_FALSE(body["saved_at"].get<std::string>().empty());
  ASSERT_TRUE(body["fields"].contains("f-l0-partner_state")) << body.dump();
  EXPECT_NE(body["fields"]["f-l0-partner_state"][0].get<std::string>().find("Atlantis"), std::string::npos);
  ASSERT_TRUE(body["fields"].contains("f-l0-items")) << "a number of items that is not a number is said, not dropped";
  EXPECT_GE(body["errors"].get<int>(), 2);
  // What was typed is kept in the draft, to be corrected later.
  EXPECT_EQ(lines_of(draft_of(officer, "FRA", 2024))[0]["partner_state"], "Atlantis");

  // In French, in French.
  officer.set_cookie("lang", "fr");
  const auto french = nlohmann::json::parse(
      officer.post_from_script("/reporting/FRA/2024", one_line("II", "Atlantis", "1")).body);
  EXPECT_NE(french["fields"]["f-l0-partner_state"][0].get<std::string>().find("État"), std::string::npos)
      << french.dump();
}

TEST_F(ReportingPages, ANilReportIsSubmittedAfterItsPreviewAndConfirmation) {
  auto officer = signed_in("reporting_officer");
  officer.get("/reporting/FRA/2024");
  auto fields = one_line("II", "BEL", "1");
  fields.front() = {"visibility", "restricted"};
  fields.emplace_back("action", "nil:all");
  EXPECT_EQ(officer.post("/reporting/FRA/2024", fields).status, 303);
  const auto draft = draft_of(officer, "FRA", 2024);
  EXPECT_EQ(draft["nil_exports"], true);
  EXPECT_EQ(draft["nil_imports"], true);
  EXPECT_TRUE(lines_of(draft).empty()) << "a nil report has no lines";

  // The home's button does the same in one step and goes on to the preview.
  officer.get("/reporting");
  const auto from_home = officer.post("/reporting/FRA/2024", {{"from", "home"}, {"action", "nil:all"}});
  EXPECT_EQ(from_home.header("location"), "/reporting/FRA/2024/preview");
  EXPECT_EQ(draft_of(officer, "FRA", 2024)["contact"]["name"], "A. Officer") << "the stored draft, made nil, not a blank one";
  const auto preview = officer.get("/reporting/FRA/2024/preview");
  ASSERT_EQ(preview.status, 200) << preview.body.substr(0, 300);
  EXPECT_NE(element_text(preview.body, "nothing-public").find("Nothing"), std::string::npos)
      << "a restricted report shows the public nothing";
  EXPECT_NE(element_text(preview.body, "visibility-statement").find("States Parties only"), std::string::npos);
  EXPECT_NE(element_text(preview.body, "withheld-statement").find("no information"), std::string::npos);
  EXPECT_EQ(officer.post("/reporting/FRA/2024/submit", {}).status, 400) << "not without the confirmation";
  const auto submitted = officer.post("/reporting/FRA/2024/submit", {{"confirm", "1"}});
  EXPECT_EQ(submitted.status, 303) << submitted.body.substr(0, 300);
  EXPECT_EQ(submitted.header("location"), "/reports/FRA/2024/receipt?version=1");
  EXPECT_EQ(officer.get(submitted.header("location")).status, 200);
  const auto mail = wait_for_mail("was received");
  EXPECT_NE(mail.find("To: officer@example.org"), std::string::npos) << "the State's officers are told";
  EXPECT_EQ(officer.get("/api/v1/reports/FRA/2024/draft").status, 404) << "the draft became version 1";
  EXPECT_EQ(audited_actions().count("report_submitted"), 1u);
}

TEST_F(ReportingPages, TheSecretariatEntersAnEmailedReportWithItsReceivedDate) {
  auto secretariat = signed_in("secretariat");
  secretariat.get("/reporting/FRA/2024");
  secretariat.post("/reporting/FRA/2024", one_line("II", "BEL", "3"));
  const auto preview = secretariat.get("/reporting/FRA/2024/preview");
  EXPECT_NE(preview.body.find("name=\"received\""), std::string::npos);
  EXPECT_EQ(secretariat.post("/reporting/FRA/2024/submit", {{"confirm", "1"}}).status, 400) << "the date is needed";
  const auto submitted = secretariat.post("/reporting/FRA/2024/submit", {{"confirm", "1"}, {"received", "2025-05-12"}});
  EXPECT_EQ(submitted.status, 303) << submitted.body.substr(0, 300);
  const auto versions = nlohmann::json::parse(secretariat.get("/api/v1/reports/FRA/2024/versions").body);
  ASSERT_EQ(versions.size(), 1u);
  EXPECT_EQ(versions[0]["channel"], "email");
  EXPECT_EQ(versions[0]["received"], "2025-05-12");
}

TEST_F(ReportingPages, OnlyTheSecretariatRecallsAVersionFromThePage) {
  auto officer = signed_in("reporting_officer");
  const auto home = officer.get("/reporting");
  EXPECT_EQ(home.body.find("/reporting/FRA/2022/recall"), std::string::npos) << "no recall form for an officer";
  EXPECT_EQ(officer.post("/reporting/FRA/2022/recall", {{"reason", "sent by mistake"}}).status, 404);

  auto secretariat = signed_in("secretariat");
  const auto france = secretariat.get("/reporting?state=FRA");
  EXPECT_NE(france.body.find("action=\"/reporting/FRA/2022/recall\""), std::string::npos);
  EXPECT_EQ(secretariat.post("/reporting/FRA/2022/recall", {{"reason", ""}}).status, 400) << "a reason is needed";
  const auto recalled = secretariat.post("/reporting/FRA/2022/recall", {{"reason", "sent by mistake"}});
  EXPECT_EQ(recalled.status, 303);
  const auto versions = nlohmann::json::parse(secretariat.get("/api/v1/reports/FRA/2022/versions").body);
  ASSERT_EQ(versions.size(), 1u);
  EXPECT_EQ(versions[0]["status"], "recalled");
  EXPECT_NE(wait_for_mail("sent by mistake").find("To: officer@example.org"), std::string::npos);
  EXPECT_EQ(secretariat.post("/reporting/FRA/2022/recall", {{"reason", "again"}}).status, 404) << "nothing left";
}

TEST_F(ReportingPages, ShortcutsStartFromLastYearAndTakePastedRows) {
  auto officer = signed_in("reporting_officer");
  officer.get("/reporting/FRA/2023");
  EXPECT_EQ(officer.post("/reporting/FRA/2023", {{"action", "last-year"}}).status, 303);
  auto draft = draft_of(officer, "FRA", 2023);
  ASSERT_EQ(lines_of(draft).size(), 1u) << draft.dump();
  EXPECT_EQ(lines_of(draft)[0]["category"], "II");
  EXPECT_EQ(lines_of(draft)[0]["partner_state"], "BEL");
  EXPECT_EQ(draft["visibility"], "public") << "the header comes along";
  // No report the year before: the page says so and the draft is left alone.
  officer.get("/reporting/FRA/2022");
  const auto none = officer.post("/reporting/FRA/2021", {{"action", "last-year"}});
  EXPECT_EQ(none.header("location"), "/reporting/FRA/2021?notice=no-last-year#save-status");
  EXPECT_NE(element_text(officer.get(none.header("location")).body, "notice").find("2020"), std::string::npos);

  // Rows from a spreadsheet, with a header in French, names in three languages.
  auto fields = one_line("II", "BEL", "1");
  fields.emplace_back("paste.export",
                      "Cat\xC3\xA9gorie\t\xC3\x89tat importateur\tNombre d\xE2\x80\x99" "articles\tBase\r\n"
                      "Fusils et carabines\tAllemagne\t1 200\tautoris\xC3\xA9\r\n"
                      "Battle tanks\tEspa\xC3\xB1" "a\t3\tactual\r\n");
  fields.emplace_back("paste.import", "VIII.SA.1\tCanad\xC3\xA1\t40\n");
  fields.emplace_back("action", "paste:export");
  officer.post("/reporting/FRA/2023", fields);
  draft = draft_of(officer, "FRA", 2023);
  ASSERT_EQ(lines_of(draft).size(), 3u) << draft.dump();
  EXPECT_EQ(lines_of(draft)[1]["category"], "VIII.SA.2");
  EXPECT_EQ(lines_of(draft)[1]["partner_state"], "DEU");
  EXPECT_EQ(lines_of(draft)[1]["items"], 1200);
  EXPECT_EQ(lines_of(draft)[1]["basis"], "authorized");
  EXPECT_EQ(lines_of(draft)[2]["category"], "I");
  EXPECT_EQ(lines_of(draft)[2]["partner_state"], "ESP");
  fields.back() = {"action", "paste:import"};
  officer.post("/reporting/FRA/2023", fields);
  draft = draft_of(officer, "FRA", 2023);
  ASSERT_EQ(lines_of(draft).size(), 2u) << "the exports pasted before were not in this form; the import is";
  EXPECT_EQ(lines_of(draft)[1]["direction"], "import");
  EXPECT_EQ(lines_of(draft)[1]["category"], "VIII.SA.1");
  EXPECT_EQ(lines_of(draft)[1]["partner_state"], "CAN");
  EXPECT_EQ(lines_of(draft)[1]["items"], 40);
}

}  // namespace
}  // namespace att::reporting
