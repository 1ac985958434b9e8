// Revising one question of the guidance through its form, for every kind of person
// (data/faq_revision_access.csv): only chairs and the Secretariat revise, anyone reads the
// earlier wordings; the other questions stay as they were; documents, versions and revisions
// published through the forms are in the audit log.
#include <gtest/gtest.h>

#include "exchange/faq_store.hpp"
#include "exchange_fixture.hpp"
#include "multipart_post.hpp"

namespace att::testing {
namespace {
using namespace att::literals;

class FaqRevision : public ExchangeServer {
 protected:
  void prepare(store::Database& db) override {
    ExchangeServer::prepare(db);
    auth::Viewer secretariat;
    secretariat.user_id = account_ids_.at("secretariat");
    secretariat.roles = {auth::Role::secretariat};
    ASSERT_TRUE(exchange::add_faq_revision(db, secretariat, "CSP9",
                                           {{1, "en", "Who reports?", "Each *State Party*."},
                                            {1, "fr", "Qui fait rapport ?", "Chaque *État Partie*."},
                                            {2, "en", "By when?", "By 31 May."}},
                                           "2026-01-04T00:00:00Z"_utc));
  }
};

std::string outcome_of(const HttpResult& result) {
  const auto location = result.header("location");
  if (result.status == 200) return "ok";
  if (result.status == 303 && location.rfind("/sign-in?next=", 0) == 0) return "sign_in";
  if (result.status == 303 && location == "/account/two-factor") return "set_up_second_factor";
  if (result.status == 303 && location == "/faq/2/history") return "revised";
  if (result.status == 403) return "forbidden";
  if (result.status == 404) return "not_found";
  return "status " + std::to_string(result.status) + " " + location;
}

TEST_F(FaqRevision, EveryPersonAgainstEveryRoute) {
  const auto checked = for_each_cell("faq_revision_access.csv", [&](const Cell& cell) {
    const auto result = cell.method == "POST" ? cell.browser.post(cell.path, {{"number", "2"},
                                                                              {"meeting", "CSP10 " + cell.kind},
                                                                              {"question_en", "By when?"},
                                                                              {"answer_en", "By 31 May, says " + cell.kind}})
                                              : cell.browser.get(cell.path);
    EXPECT_EQ(outcome_of(result), cell.expected) << cell.method << " " << cell.path << " as " << cell.kind;
  });
  EXPECT_GE(checked, 50);
  // Two publishers revised question 2: its two revisions and the first wording.
  Browser anonymous(server_->port());
  const auto history = anonymous.get("/faq/2/history");
  EXPECT_NE(history.body.find("CSP10 chair"), std::string::npos);
  EXPECT_NE(history.body.find("By 31 May, says chair"), std::string::npos);
  EXPECT_NE(history.body.find("CSP10 secretariat"), std::string::npos);
  EXPECT_NE(history.body.find("By 31 May.</p>"), std::string::npos) << history.body;
  EXPECT_EQ(history.body.find("CSP10 observer"), std::string::npos);
}

TEST_F(FaqRevision, TheFormStartsFromTheCurrentWordingAndKeepsTheOthers) {
  auto secretariat = signed_in("secretariat");
  const auto form = secretariat.get("/faq/revise?number=1&lang=fr");
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("value=\"Qui fait rapport ?\""), std::string::npos) << form.body;
  EXPECT_NE(form.body.find(">Each *State Party*.</textarea>"), std::string::npos);
  // Without English, or a translation without its answer: the form again, each error at its field.
  const auto wrong = secretariat.post("/faq/revise", {{"number", "1"},
                                                      {"meeting", "CSP11"},
                                                      {"question_en", ""},
                                                      {"answer_en", "Each State Party, every year."},
                                                      {"question_es", "¿Quién informa?"},
                                                      {"answer_es", ""}});
  EXPECT_EQ(wrong.status, 400);
  EXPECT_NE(text_of_id(wrong.body, "field-question_en-error").find("question"), std::string::npos) << wrong.body;
  EXPECT_FALSE(text_of_id(wrong.body, "field-answer_es-error").empty());
  EXPECT_NE(wrong.body.find("value=\"¿Quién informa?\""), std::string::npos) << "what was typed is kept";
  const auto done = secretariat.post("/faq/revise", {{"number", "1"},
                                                     {"meeting", "CSP11"},
                                                     {"question_en", "Who reports, and what?"},
                                                     {"answer_en", "Each State Party, every year."},
                                                     {"question_es", "¿Quién informa?"},
                                                     {"answer_es", "Cada Estado Parte, cada año."}});
  ASSERT_EQ(done.status, 303) << done.body.substr(0, 500);
  EXPECT_EQ(done.header("location"), "/faq/1/history");
  const auto history = secretariat.get("/faq/1/history?lang=es");
  EXPECT_LT(history.body.find("Cada Estado Parte, cada año."), history.body.find("Chaque <em>État Partie</em>."))
      << "newest first, the earlier wording kept";
  // The guidance now: question 1 revised, question 2 as it was; French readers get English for 1.
  const auto spanish = secretariat.get("/faq?lang=es");
  EXPECT_NE(spanish.body.find("¿Quién informa?"), std::string::npos);
  EXPECT_NE(spanish.body.find("By 31 May."), std::string::npos);
  EXPECT_NE(spanish.body.find("CSP11"), std::string::npos);
  EXPECT_NE(secretariat.get("/faq?lang=fr").body.find("Who reports, and what?"), std::string::npos);
  EXPECT_TRUE(audited_actions().contains("faq_revised"));
}

TEST_F(FaqRevision, PublishedDocumentsAndVersionsAreAudited) {
  auto chair = signed_in("chair");
  chair.get("/documents/new");
  const auto created = chair.post("/documents/new", {{"symbol", "ATT/CSP11/2025/SEC/1/Conf.Rep"},
                                                     {"title", "Provisional agenda"},
                                                     {"summary", ""},
                                                     {"audience", "public"}});
  ASSERT_EQ(created.status, 303);
  EXPECT_TRUE(audited_actions().contains("document_published"));
  EXPECT_FALSE(audited_actions().contains("document_version_published"));
  const auto page = created.header("location").substr(0, created.header("location").find('#'));
  chair.get(page);
  const auto added =
      post_multipart(server_->port(), chair, page + "/versions", {{"note", "First"}}, {{"file_en", "agenda.txt", "Agenda"}});
  ASSERT_EQ(added.status, 303);
  EXPECT_TRUE(audited_actions().contains("document_version_published"));
}

}  // namespace
}  // namespace att::testing
