// Documents attached to announcements and deadlines changed after publishing, over HTTP for every
// kind of person (data/announcement_documents_access.csv): the page and the API list only the
// attached documents the reader may see, a restricted one not even by its title or in a count;
// only chairs and the Secretariat attach, remove and move deadlines, each change audited.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "exchange/announcement_documents.hpp"
#include "exchange/documents_store.hpp"
#include "exchange_fixture.hpp"
#include "store/open_database.hpp"

namespace att::testing {
namespace {
using namespace att::literals;

class AttachedDocuments : public ExchangeServer {
 protected:
  void prepare(store::Database& db) override {
    ExchangeServer::prepare(db);
    secretariat_.user_id = account_ids_.at("secretariat");
    secretariat_.roles = {auth::Role::secretariat};
    const auto at = "2026-01-05T00:00:00Z"_utc;
    const auto add = [&](const std::string& placeholder, const std::string& symbol, const std::string& title,
                         auth::Audience audience) {
      ids_[placeholder] =
          std::to_string(exchange::add_document(db, secretariat_, {symbol, title, "", audience}, at).value());
    };
    add("{doc_public}", "ATT/CSP9/2023/SEC/1/Conf.Rep", "Open annex", auth::Audience::everyone);
    add("{doc_parties}", "ATT/CSP9/2023/SEC/2/Conf.Rep", "Restricted annex", auth::Audience::parties);
    for (const auto* announcement : {"{public}", "{registered}", "{parties}"})
      for (const auto* document : {"{doc_public}", "{doc_parties}"})
        ASSERT_EQ(exchange::attach_document(db, secretariat_, id_of(announcement), id_of(document), at),
                  exchange::AttachOutcome::done);
  }

  // Puts the parties' document back on the registered consultation, so that each person's removal
  // has something to remove.
  void reattach() {
    const auto db = store::open_database(db_path_);
    exchange::attach_document(*db, secretariat_, id_of("{registered}"), id_of("{doc_parties}"), Timestamp::now());
  }

  auth::Viewer secretariat_;
};

std::string outcome_of(const HttpResult& result) {
  const auto location = result.header("location");
  if (result.status == 200) return "ok";
  if (result.status == 303 && location.rfind("/sign-in?next=", 0) == 0) return "sign_in";
  if (result.status == 303 && location == "/account/two-factor") return "set_up_second_factor";
  if (result.status == 303 && location.ends_with("#attached-documents") && location.find("?") == std::string::npos)
    return "attached_or_removed";
  if (result.status == 303 && location.ends_with("#announcement-deadline-line")) return "deadline_set";
  if (result.status == 401) return "unauthorized";
  if (result.status == 403) return "forbidden";
  if (result.status == 404) return "not_found";
  return "status " + std::to_string(result.status) + " " + location + " " + result.body.substr(0, 200);
}

TEST_F(AttachedDocuments, EveryPersonAgainstEveryRoute) {
  const auto checked = for_each_cell("announcement_documents_access.csv", [&](const Cell& cell) {
    const auto where = cell.method + " " + cell.path + " as " + cell.kind;
    if (cell.method == "API_DOCUMENTS" || cell.method == "PAGE_DOCUMENTS") {
      const auto result = cell.browser.get(cell.path);
      if (cell.expected == "not_found") {
        EXPECT_EQ(result.status, 404) << where;
      } else {
        ASSERT_EQ(result.status, 200) << where;
        const auto count = cell.method == "API_DOCUMENTS"
                               ? nlohmann::json::parse(result.body).at("documents").size()
                               : count_of(result.body, "id=\"attached-document-");
        EXPECT_EQ(std::to_string(count), cell.expected) << where;
      }
      // Who may not see the restricted document learns nothing of it, on any of these answers.
      if (cell.expected != "2") {
        EXPECT_EQ(result.body.find("Restricted annex"), std::string::npos) << where;
        EXPECT_EQ(result.body.find("SEC/2/Conf.Rep"), std::string::npos) << where;
      }
      return;
    }
    if (cell.path.find("{doc_parties}") != std::string::npos || cell.path.find(ids_.at("{doc_parties}")) != std::string::npos)
      reattach();
    HttpResult result;
    if (cell.method == "POST" && cell.path.starts_with("/api/"))
      result = cell.browser.send_json("POST", cell.path, R"({"document": "ATT/CSP9/2023/SEC/1/Conf.Rep"})");
    else if (cell.method == "PUT")
      result = cell.browser.send_json("PUT", cell.path, R"({"deadline": "2099-01-01T00:00:00Z"})");
    else if (cell.method == "DELETE")
      result = cell.browser.send_json("DELETE", cell.path, "");
    else if (cell.path.ends_with("/deadline"))
      result = cell.browser.post(cell.path, {{"deadline", "2099-01-01 00:00"}});
    else
      result = cell.browser.post(cell.path, {{"document", "ATT/CSP9/2023/SEC/1/Conf.Rep"}});
    auto expected = cell.expected;
    if (expected == "attached" || expected == "removed") expected = "attached_or_removed";
    EXPECT_EQ(outcome_of(result), expected) << where;
  });
  EXPECT_GE(checked, 180);
  const auto audited = audited_actions();
  EXPECT_TRUE(audited.contains("announcement_document_attached"));
  EXPECT_TRUE(audited.contains("announcement_document_removed"));
  EXPECT_TRUE(audited.contains("announcement_deadline_changed"));
}

TEST_F(AttachedDocuments, APublisherAttachesBySymbolOrNumberAndRemovesFromThePage) {
  auto chair = signed_in("chair");
  const auto page_path = resolved("/announcements/{status}");
  const auto empty = chair.get(page_path + "?lang=fr");
  EXPECT_EQ(count_of(empty.body, "id=\"attached-document-"), 0u);
  EXPECT_NE(empty.body.find("id=\"documents-form\""), std::string::npos);
  const auto unknown = chair.post(page_path + "/documents", {{"document", "ATT/NONE"}});
  ASSERT_EQ(unknown.status, 303);
  EXPECT_EQ(unknown.header("location"), page_path + "?error=unknown_document#documents-form");
  const auto told = chair.get(unknown.header("location").substr(0, unknown.header("location").find('#')) + "&lang=fr");
  EXPECT_NE(text_of_id(told.body, "document-error").find("Aucun document"), std::string::npos) << told.body;
  // The address names a problem; it never supplies the words.
  EXPECT_EQ(chair.get(page_path + "?error=%3Cscript%3E").body.find("<script>"), std::string::npos);
  ASSERT_EQ(chair.post(page_path + "/documents", {{"document", "ATT/CSP9/2023/SEC/2/Conf.Rep"}}).status, 303);
  ASSERT_EQ(chair.post(page_path + "/documents", {{"document", ids_.at("{doc_public}")}}).status, 303);
  const auto listed = chair.get(page_path);
  EXPECT_EQ(count_of(listed.body, "id=\"attached-document-"), 2u);
  EXPECT_LT(listed.body.find("Restricted annex"), listed.body.find("Open annex")) << "in the order attached";
  EXPECT_NE(listed.body.find("href=\"/documents/" + ids_.at("{doc_public}") + "\""), std::string::npos);
  // The status consultation is for registered representatives: the signatory's sees one document.
  auto signatory = signed_in("representative_of_signatory");
  const auto seen = signatory.get(page_path);
  EXPECT_EQ(count_of(seen.body, "id=\"attached-document-"), 1u);
  EXPECT_EQ(seen.body.find("Restricted annex"), std::string::npos);
  EXPECT_EQ(seen.body.find("id=\"documents-form\""), std::string::npos) << "no form for a reader";
  chair.get(page_path);
  ASSERT_EQ(chair.post(page_path + "/documents/" + ids_.at("{doc_parties}") + "/remove", {}).status, 303);
  EXPECT_EQ(count_of(chair.get(page_path).body, "id=\"attached-document-"), 1u);
}

TEST_F(AttachedDocuments, PublishingTakesDocumentsFromTheFormAndTheApi) {
  auto chair = signed_in("chair");
  chair.get("/restricted/publish");
  const std::vector<std::pair<std::string, std::string>> form = {
      {"title", "Agenda"}, {"body", "Text"}, {"kind", "announcement"}, {"audience", "public"},
      {"deadline", ""},    {"sections", ""}, {"documents", "ATT/CSP9/2023/SEC/1/Conf.Rep\nATT/MISSING"}};
  const auto refused = chair.post("/restricted/publish", form);
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("ATT/MISSING"), std::string::npos) << "what was typed is kept";
  EXPECT_NE(refused.body.find("No document of the library"), std::string::npos);
  auto corrected = form;
  corrected.back().second = "ATT/CSP9/2023/SEC/1/Conf.Rep\n\n" + ids_.at("{doc_parties}") + "\n";
  const auto published = chair.post("/restricted/publish", corrected);
  ASSERT_EQ(published.status, 303) << published.body.substr(0, 300);
  const auto id = published.header("location").substr(std::string("/announcements/").size());
  // Public announcement, restricted document: the public sees one document, and not the other's title.
  Browser anonymous(server_->port());
  const auto seen = nlohmann::json::parse(anonymous.get("/api/v1/announcements/" + id).body);
  ASSERT_EQ(seen.at("documents").size(), 1u);
  EXPECT_EQ(seen.at("documents")[0].at("symbol"), "ATT/CSP9/2023/SEC/1/Conf.Rep");
  EXPECT_EQ(seen.dump().find("Restricted annex"), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(chair.get("/api/v1/announcements/" + id).body).at("documents").size(), 2u);

  chair.get("/sign-in");
  const auto bad = chair.send_json("POST", "/api/v1/announcements",
                                   R"({"title": "T", "body": "B", "documents": ["ATT/MISSING"]})");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(nlohmann::json::parse(bad.body).at("error").at("details").value("field", ""), "documents") << bad.body;
  const auto created = chair.send_json("POST", "/api/v1/announcements",
                                       R"({"title": "T", "body": "B", "audience": "parties", "documents": [)" +
                                           ids_.at("{doc_parties}") + R"(, "ATT/CSP9/2023/SEC/1/Conf.Rep"]})");
  ASSERT_EQ(created.status, 201) << created.body;
  const auto new_id = std::to_string(nlohmann::json::parse(created.body).at("id").get<std::int64_t>());
  const auto listed = nlohmann::json::parse(chair.get("/api/v1/announcements/" + new_id).body).at("documents");
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].at("title"), "Restricted annex");
  EXPECT_EQ(listed[1].at("href"), "/documents/" + ids_.at("{doc_public}"));
  // Removed through the API; a document not attached is said to be so.
  const auto removed = chair.send_json("DELETE", "/api/v1/announcements/" + new_id + "/documents/" + ids_.at("{doc_parties}"), "");
  ASSERT_EQ(removed.status, 200);
  EXPECT_EQ(nlohmann::json::parse(removed.body).at("documents").size(), 1u);
  const auto again = chair.send_json("DELETE", "/api/v1/announcements/" + new_id + "/documents/" + ids_.at("{doc_parties}"), "");
  EXPECT_EQ(again.status, 404);
  EXPECT_EQ(nlohmann::json::parse(again.body).at("error").at("code"), "document_not_attached") << again.body;
}

TEST_F(AttachedDocuments, ALaterDeadlineReopensCommentsAndAnEarlierOneClosesThem) {
  auto representative = signed_in("representative");
  const auto closed = resolved("/announcements/{closed}");
  representative.get(closed);
  EXPECT_NE(representative.last().body.find("id=\"comments-closed\""), std::string::npos);
  EXPECT_EQ(representative.post(closed + "/comments", {{"body", "Late"}}).status, 409);
  EXPECT_EQ(representative.post(closed + "/deadline", {{"deadline", "2099-06-01 12:00"}}).status, 403);

  auto secretariat = signed_in("secretariat");
  secretariat.get(closed);
  EXPECT_NE(secretariat.last().body.find("value=\"2026-01-03 00:00\""), std::string::npos) << "the form shows it";
  const auto wrong = secretariat.post(closed + "/deadline", {{"deadline", "next week"}});
  ASSERT_EQ(wrong.status, 303);
  EXPECT_NE(text_of_id(secretariat.get(closed + "?error=deadline_form&lang=es").body, "deadline-error").find("2026-12-15"),
            std::string::npos);
  ASSERT_EQ(outcome_of(secretariat.post(closed + "/deadline", {{"deadline", "2099-06-01 12:00"}})), "deadline_set");
  representative.get(closed);
  EXPECT_EQ(representative.last().body.find("id=\"comments-closed\""), std::string::npos);
  EXPECT_EQ(text_of_id(representative.last().body, "announcement-deadline").empty(), false);
  const auto taken = representative.post(closed + "/comments", {{"body", "Now in time"}});
  ASSERT_EQ(taken.status, 303) << taken.body.substr(0, 300);
  const auto comment = taken.header("location").substr(taken.header("location").find("#comment-") + 9);
  // Shortened through the API: neither new comments nor edits are taken.
  secretariat.get("/sign-in");
  const auto api = "/api/v1/announcements/" + ids_.at("{closed}") + "/deadline";
  EXPECT_EQ(secretariat.send_json("PUT", api, R"({"deadline": "tomorrow"})").status, 400);
  EXPECT_EQ(secretariat.send_json("PUT", api, R"({})").status, 400);
  const auto shortened = secretariat.send_json("PUT", api, R"({"deadline": "2026-01-04T00:00:00Z"})");
  ASSERT_EQ(shortened.status, 200);
  EXPECT_EQ(nlohmann::json::parse(shortened.body).at("previous_deadline"), "2099-06-01T12:00:00Z");
  EXPECT_EQ(nlohmann::json::parse(shortened.body).at("deadline"), "2026-01-04T00:00:00Z");
  representative.get(closed);
  EXPECT_EQ(representative.post(closed + "/comments/" + comment, {{"body", "Edited late"}}).status, 409);
  EXPECT_EQ(nlohmann::json::parse(representative.get(resolved("/api/v1/announcements/{closed}")).body).at("deadline"),
            "2026-01-04T00:00:00Z");
  EXPECT_TRUE(audited_actions().contains("announcement_deadline_changed"));
}

}  // namespace
}  // namespace att::testing
