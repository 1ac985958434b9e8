// The documents library and the guidance over HTTP for every kind of person, from
// data/documents_access.csv: the list and its search (counted), the API's search, a document's
// page and its files, the guidance and its stable addresses. A restricted document's title and
// summary never reach anyone outside its audience: not in a list, a hit, a count or an error.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "exchange/documents_store.hpp"
#include "exchange/faq_store.hpp"
#include "exchange_fixture.hpp"
#include "multipart_post.hpp"

namespace att::testing {
namespace {
using namespace att::literals;

class DocumentsPages : public ExchangeServer {
 protected:
  void prepare(store::Database& db) override {
    ExchangeServer::prepare(db);
    auth::Viewer secretariat;
    secretariat.user_id = account_ids_.at("secretariat");
    secretariat.roles = {auth::Role::secretariat};
    const auto add = [&](const std::string& placeholder, auth::Audience audience, const std::string& symbol,
                         const std::string& summary, Timestamp at) {
      const auto name = std::string(auth::to_string(audience));
      const auto id =
          exchange::add_document(db, secretariat, {symbol, "Minutes for " + name, summary, audience}, at).value();
      ASSERT_EQ(exchange::add_document_version(db, secretariat, id, "",
                                               {{"en", name + ".pdf", "application/pdf", "%PDF-en " + name},
                                                {"fr", name + "-fr.pdf", "application/pdf", "%PDF-fr " + name}},
                                               at),
                1);
      ids_[placeholder] = std::to_string(id);
    };
    add("{doc_public}", auth::Audience::everyone, "ATT/CSP8/2022/SEC/1/Conf.Rep", "Open to all",
        "2026-01-01T00:00:00Z"_utc);
    add("{doc_registered}", auth::Audience::registered, "ATT/CSP8/2022/SEC/2/Conf.Rep", "Précis of the costs",
        "2026-01-02T00:00:00Z"_utc);
    add("{doc_parties}", auth::Audience::parties, "ATT/CSP9/2023/SEC/3/Conf.Rep", "Zanzibar planning",
        "2026-01-03T00:00:00Z"_utc);
    ASSERT_TRUE(exchange::add_faq_revision(db, secretariat, "CSP10",
                                           {{1, "en", "Who reports?", "Each *State Party*."},
                                            {1, "es", "¿Quién informa?", "Cada *Estado Parte*."},
                                            {2, "en", "By when?", "By 31 May."}},
                                           "2026-01-04T00:00:00Z"_utc));
  }
};

std::string outcome_of(const HttpResult& result) {
  const auto location = result.header("location");
  if (result.status == 200) return "ok";
  if (result.status == 303 && location == "/faq#q2") return "faq";
  if (result.status == 303 && location.rfind("/sign-in?next=", 0) == 0) return "sign_in";
  if (result.status == 303 && location == "/account/two-factor") return "set_up_second_factor";
  if (result.status == 303 && location.find("?error=no_file#new-version") != std::string::npos) return "no_file";
  if (result.status == 303 && location.rfind("/documents/", 0) == 0 && location.ends_with("#new-version"))
    return "created";
  if (result.status == 403) return "forbidden";
  if (result.status == 404) return "not_found";
  return "status " + std::to_string(result.status) + " " + result.header("location");
}

TEST_F(DocumentsPages, EveryPersonAgainstEveryAudience) {
  const auto checked = for_each_cell("documents_access.csv", [&](const Cell& cell) {
    // A new document's symbol differs per person, so that each publisher's is new.
    const auto result = cell.method == "POST" ? cell.browser.post(cell.path, {{"symbol", "ATT/TEST/" + cell.kind},
                                                                              {"title", "Test document"},
                                                                              {"summary", ""},
                                                                              {"audience", "registered"}})
                                              : cell.browser.get(cell.path);
    const auto where = cell.method + " " + cell.path + " as " + cell.kind;
    if (cell.method == "LIST" || cell.method == "API") {
      ASSERT_EQ(result.status, 200) << where;
      // The titles in the answer are exactly those counted: nothing else of a hidden document.
      EXPECT_EQ(std::to_string(count_of(result.body, "Minutes for ")), cell.expected) << where;
      if (cell.method == "LIST") {
        EXPECT_EQ(std::to_string(count_of(result.body, "<tr id=\"document-")), cell.expected) << where;
      } else {
        EXPECT_EQ(std::to_string(nlohmann::json::parse(result.body).at("count").get<int>()), cell.expected) << where;
      }
    } else {
      EXPECT_EQ(outcome_of(result), cell.expected) << where;
    }
    // Wherever the parties' document is not there for the person, no word of it is.
    const bool sees_parties = cell.kind == "representative" || cell.kind == "reporting_officer" ||
                              cell.kind == "reporting_officer_of_germany" || cell.kind == "chair" ||
                              cell.kind == "secretariat";
    if (!sees_parties) {
      EXPECT_EQ(result.body.find("Minutes for parties"), std::string::npos) << where;
      EXPECT_EQ(result.body.find("Zanzibar planning"), std::string::npos) << where;
      EXPECT_EQ(result.body.find("%PDF-en parties"), std::string::npos) << where;
    }
  });
  EXPECT_GE(checked, 230);
}

TEST_F(DocumentsPages, AHiddenDocumentAnswersAsOneThatDoesNotExist) {
  auto observer = signed_in("observer");
  const auto hidden = observer.get(resolved("/documents/{doc_parties}"));
  const auto missing = observer.get("/documents/999999");
  EXPECT_EQ(hidden.status, 404);
  EXPECT_EQ(text_of_id(hidden.body, "main"), text_of_id(missing.body, "main"));
  const auto file = observer.get(resolved("/documents/{doc_parties}/versions/1/en"));
  EXPECT_EQ(file.status, 404);
  // The pages differ only in their own address (in the language links).
  EXPECT_EQ(text_of_id(file.body, "main"), text_of_id(observer.get("/documents/999999/versions/1/en").body, "main"));
  EXPECT_EQ(file.body.find("parties"), std::string::npos);
}

TEST_F(DocumentsPages, TheDocumentPageListsItsFilesPerLanguageAndTheyDownload) {
  auto representative = signed_in("representative");
  const auto page = representative.get(resolved("/documents/{doc_parties}?lang=fr"));
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(text_of_id(page.body, "document-symbol"), "ATT/CSP9/2023/SEC/3/Conf.Rep");
  EXPECT_NE(page.body.find("hreflang=\"en\" download>Anglais"), std::string::npos) << page.body;
  EXPECT_NE(page.body.find("hreflang=\"fr\" download>Français"), std::string::npos);
  EXPECT_EQ(page.body.find("hreflang=\"es\" download"), std::string::npos) << "no Spanish file in this version";
  const auto file = representative.get(resolved("/documents/{doc_parties}/versions/1/fr"));
  EXPECT_EQ(file.body, "%PDF-fr parties");
  EXPECT_EQ(file.header("content-type"), "application/pdf");
  EXPECT_EQ(file.header("content-disposition"), "attachment; filename=\"parties-fr.pdf\"");
}

TEST_F(DocumentsPages, TheSearchPageSpeaksTheReadersLanguageAndKeepsTheQuery) {
  auto chair = signed_in("chair");
  const auto page = chair.get("/documents?q=Pr%C3%89CIS&lang=es");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Documentos encontrados:"), std::string::npos);
  EXPECT_EQ(text_of_id(page.body, "documents-count"), "1");
  EXPECT_NE(page.body.find("value=\"PrÉCIS\""), std::string::npos);
}

TEST_F(DocumentsPages, TheGuidanceIsInTheReadersLanguageWithStableAddresses) {
  Browser anonymous(server_->port());
  const auto spanish = anonymous.get("/faq?lang=es");
  ASSERT_EQ(spanish.status, 200);
  EXPECT_NE(spanish.body.find("id=\"q1\""), std::string::npos);
  EXPECT_NE(spanish.body.find("¿Quién informa?"), std::string::npos);
  EXPECT_NE(spanish.body.find("<em>Estado Parte</em>"), std::string::npos);
  // Question 2 has no Spanish wording yet: the English one, marked as English.
  EXPECT_NE(spanish.body.find("id=\"q2\" value=\"2\" lang=\"en\""), std::string::npos) << spanish.body;
  EXPECT_NE(spanish.body.find("CSP10"), std::string::npos);
  const auto link = anonymous.get("/faq/1?lang=fr");
  EXPECT_EQ(link.status, 303);
  EXPECT_EQ(link.header("location"), "/faq?lang=fr#q1");
}

TEST_F(DocumentsPages, APublisherAddsADocumentThenAVersionWithAFilePerLanguage) {
  auto chair = signed_in("chair");
  ASSERT_EQ(chair.get("/documents/new?lang=fr").status, 200);
  const auto taken = chair.post(
      "/documents/new",
      {{"symbol", "ATT/CSP9/2023/SEC/3/Conf.Rep"}, {"title", "Again"}, {"summary", ""}, {"audience", "parties"}});
  EXPECT_EQ(taken.status, 409);
  EXPECT_NE(text_of_id(taken.body, "document-error").find("existe déjà"), std::string::npos) << taken.body;
  EXPECT_NE(taken.body.find("value=\"Again\""), std::string::npos) << "what was typed is kept";
  const auto created = chair.post("/documents/new", {{"symbol", "ATT/CSP10/2024/SEC/9/Conf.Rep"},
                                                     {"title", "Cost estimates"},
                                                     {"summary", "Estimación de costes"},
                                                     {"audience", "parties"}});
  ASSERT_EQ(created.status, 303);
  const auto page = created.header("location").substr(0, created.header("location").find('#'));
  chair.get(page);  // the page holding the version form and its CSRF token
  EXPECT_NE(chair.last().body.find("id=\"version-form\""), std::string::npos);
  const auto refused =
      post_multipart(server_->port(), chair, page + "/versions", {}, {{"file_en", "tool.exe", "MZ\x90"}});
  ASSERT_EQ(refused.status, 303);
  EXPECT_NE(refused.header("location").find("error=file_refused"), std::string::npos);
  EXPECT_NE(text_of_id(chair.get(page + "?error=file_refused&lang=es").body, "version-error").find("rechazado"),
            std::string::npos);
  const auto added = post_multipart(server_->port(), chair, page + "/versions", {{"note", "First issue"}},
                                    {{"file_en", "costs.txt", "Costs in English"},
                                     {"file_es", "costes.txt", "Costes en español"},
                                     {"file_fr", "", ""}});
  ASSERT_EQ(added.status, 303);
  EXPECT_TRUE(added.header("location").ends_with("#version-1")) << added.header("location");
  // Found by the search of a State Party's representative, with its files; not by a signatory's.
  auto representative = signed_in("representative");
  EXPECT_EQ(text_of_id(representative.get("/documents?q=estimacion").body, "documents-count"), "1");
  EXPECT_EQ(representative.get(page + "/versions/1/es").body, "Costes en español");
  EXPECT_EQ(representative.get(page + "/versions/1/fr").status, 404);
  auto signatory = signed_in("representative_of_signatory");
  EXPECT_EQ(text_of_id(signatory.get("/documents?q=estimacion").body, "documents-count"), "0");
}

}  // namespace
}  // namespace att::testing
