// Reporting a problem over HTTP, for every kind of person from data/problem_pages_access.csv:
// the footer link on every page, the form without script in the reader's language with nothing
// typed lost, the Secretariat's queue and answer, the mail to the reporter in theirs, the audit.
#include <gtest/gtest.h>

#include "auth/accounts_store.hpp"
#include "exchange/problem_reports_store.hpp"
#include "store/open_database.hpp"
#include "web/exchange/exchange_fixture.hpp"
#include "web/page_rows.hpp"

namespace att::testing {
using namespace att::literals;
namespace {

// The exchange's server (its people and consultations) with one problem reported by France's
// representative, who reads French.
class ProblemPages : public ExchangeServer {
 protected:
  void prepare(store::Database& db) override {
    ExchangeServer::prepare(db);
    auth::Viewer reporter;
    reporter.user_id = account_ids_.at("representative");
    reporter.name = "representative";
    reporter.roles = {auth::Role::state_representative};
    const auto id = exchange::report_problem(
        db, reporter, {"/announcements", exchange::ProblemCategory::hard_to_use, "The list is too long."},
        "2026-01-05T09:00:00Z"_utc);
    ASSERT_TRUE(id);
    ids_["{report}"] = std::to_string(*id);
    db.execute("UPDATE users SET language = 'fr' WHERE id = $1", {account_ids_.at("representative")});
  }
};

std::string outcome_of(const HttpResult& result) {
  const auto location = result.header("location");
  if (result.status == 200) return "ok";
  if (result.status == 303 && location.rfind("/sign-in?next=", 0) == 0) return "sign_in";
  if (result.status == 303 && location.rfind("/problems/", 0) == 0) return "redirect";
  if (result.status == 400) return "invalid";
  if (result.status == 403) return "forbidden";
  if (result.status == 404) return "not_found";
  return "status " + std::to_string(result.status) + " " + location;
}

TEST_F(ProblemPages, EveryPersonAgainstEveryRoute) {
  const auto checked = for_each_cell("problem_pages_access.csv", [&](const Cell& cell) {
    const auto result = cell.method == "POST"
                            ? cell.browser.post(cell.path, cell.path.ends_with("/answer")
                                                               ? std::vector<std::pair<std::string, std::string>>{{"answer", "Use the filter."}}
                                                               : std::vector<std::pair<std::string, std::string>>{{"description", "Slow."}, {"page", "/states"}})
                            : cell.browser.get(cell.path);
    if (cell.method == "LIST" && result.status == 200) {
      EXPECT_EQ(std::to_string(count_of(result.body, "<tr id=\"problem-report-")), cell.expected) << cell.kind;
      EXPECT_EQ(result.body.find("The list is too long.") != std::string::npos, cell.expected != "0") << cell.kind;
      return;
    }
    EXPECT_EQ(outcome_of(result), cell.expected) << cell.method << " " << cell.path << " as " << cell.kind;
    // Someone else's report: not a word of it, the same page as for a report that does not exist.
    if (cell.expected == "not_found") {
      EXPECT_EQ(result.body.find("too long"), std::string::npos) << cell.kind;
    }
  });
  EXPECT_GE(checked, 70);
}

TEST_F(ProblemPages, EveryPageOffersTheSignedInALinkWithItsAddress) {
  auto observer = signed_in("observer");
  EXPECT_NE(observer.get("/states").body.find("href=\"/problems/new?page=%2Fstates\" id=\"report-problem\""),
            std::string::npos);
  EXPECT_NE(observer.get("/announcements").body.find("/problems/new?page=%2Fannouncements"), std::string::npos);
  Browser anonymous(server_->port());
  EXPECT_EQ(anonymous.get("/states").body.find("id=\"report-problem\""), std::string::npos);
}

TEST_F(ProblemPages, TheFormKeepsWhatWasTypedAndOnlyAnAddressOfThisSite) {
  auto chair = signed_in("chair");
  const auto form = chair.get("/problems/new?page=/transfers&lang=es").body;
  EXPECT_NE(form.find("Notificar un problema"), std::string::npos);
  EXPECT_NE(form.find("name=\"page\" value=\"/transfers\""), std::string::npos);
  // Elsewhere is dropped: the Secretariat never gets a link off the site.
  EXPECT_NE(chair.get("/problems/new?page=//evil.example/x").body.find("name=\"page\" value=\"\""), std::string::npos);
  const auto wrong = chair.post("/problems", {{"page", "/transfers"}, {"category", "no-such"}, {"description", "Numbers <b>differ</b>."}});
  EXPECT_EQ(wrong.status, 400);
  EXPECT_NE(wrong.body.find("Elija uno de los asuntos propuestos"), std::string::npos);
  EXPECT_NE(wrong.body.find(">Numbers &lt;b&gt;differ&lt;/b&gt;.</textarea>"), std::string::npos) << wrong.body;
  EXPECT_NE(wrong.body.find("name=\"page\" value=\"/transfers\""), std::string::npos);
  const auto empty = chair.post("/problems", {{"page", "/transfers"}, {"category", "wrong_data"}, {"description", "  "}});
  EXPECT_EQ(empty.status, 400);
  EXPECT_NE(empty.body.find("Indique qué ocurrió"), std::string::npos);
  const auto sent = chair.post("/problems", {{"page", "/transfers"}, {"category", "wrong_data"}, {"description", "Numbers differ."}});
  ASSERT_EQ(sent.status, 303);
  const auto shown = chair.get(sent.header("location")).body;
  EXPECT_NE(shown.find("Numbers differ."), std::string::npos);
  EXPECT_NE(shown.find("<a href=\"/transfers\">/transfers</a>"), std::string::npos);
  EXPECT_NE(shown.find("Datos erróneos o que faltan"), std::string::npos);
  EXPECT_EQ(shown.find("name=\"answer\""), std::string::npos) << "only the Secretariat answers";
  EXPECT_TRUE(audited_actions().contains("problem_reported"));
}

TEST_F(ProblemPages, TheSecretariatAnswersAndClosesAndTheReporterIsToldInTheirLanguage) {
  auto secretariat = signed_in("secretariat");
  const auto page = resolved("/problems/{report}");
  EXPECT_NE(secretariat.get(page).body.find("name=\"answer\""), std::string::npos);
  const auto empty = secretariat.post(page + "/answer", {{"answer", " "}, {"close", "1"}});
  EXPECT_EQ(empty.status, 400);
  const auto answered = secretariat.post(page + "/answer", {{"answer", "Use the filter by kind."}, {"close", "1"}});
  ASSERT_EQ(answered.status, 303);
  auto db = store::open_database(db_path_);
  const auto mails = db->query("SELECT subject, body_text FROM mail_outbox WHERE to_address = 'rep@example.org'");
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_NE(mails.front().text(0).find("une réponse au problème que vous avez signalé"), std::string::npos);
  EXPECT_NE(mails.front().text(1).find("Use the filter by kind."), std::string::npos);
  EXPECT_NE(mails.front().text(1).find("Le signalement est maintenant clos."), std::string::npos);
  EXPECT_NE(mails.front().text(1).find("http://example.test/problems/" + ids_.at("{report}")), std::string::npos);
  // Nobody else is written to about it.
  EXPECT_EQ(db->query("SELECT 1 FROM mail_outbox WHERE body_text LIKE '%filter by kind%'").size(), 1u);
  const auto actions = audited_actions();
  EXPECT_TRUE(actions.contains("problem_answered"));
  EXPECT_TRUE(actions.contains("problem_closed"));
  // The reporter reads the answer, the report closed, in French.
  auto reporter = signed_in("representative");
  const auto seen = reporter.get(page + "?lang=fr").body;
  EXPECT_NE(seen.find("Use the filter by kind."), std::string::npos);
  EXPECT_NE(seen.find("data-status=\"closed\""), std::string::npos);
  EXPECT_NE(seen.find("Réponses du Secrétariat"), std::string::npos);
  // Closed reports go after open ones in the queue.
  ASSERT_EQ(reporter.post("/problems", {{"description", "Another."}}).status, 303);
  const auto queue = secretariat.get("/problems").body;
  EXPECT_LT(queue.find("data-status=\"open\""), queue.find("data-status=\"closed\""));
}

}  // namespace
}  // namespace att::testing
