// Notifications over HTTP, for every kind of person from data/notification_pages_access.csv: the
// choice of mail, what is new since the last visit (the list and the restricted area's count),
// marking it seen; and a consultation for States Parties published through the form, then the
// notifications step run by `att notifications send`: it reaches the parties' mail, list and
// count, and never a signatory's or an observer's.
#include <gtest/gtest.h>

#include <chrono>
#include <regex>
#include <thread>

#include "core/timestamp.hpp"
#include "store/open_database.hpp"
#include "web/exchange/exchange_fixture.hpp"
#include "web/page_rows.hpp"

namespace att::testing {
namespace {

// The exchange's server, its accounts made before the consultations were published so that all
// of it is new to them, and no notifications pass of its own after the one at start-up (the test
// runs the step itself, with the command).
class NotificationPages : public ExchangeServer {
 protected:
  void prepare(store::Database& db) override {
    ExchangeServer::prepare(db);
    db.execute("UPDATE users SET created_at = '2025-06-01T00:00:00Z'");
  }
  [[nodiscard]] std::vector<std::string> serve_options() const override {
    return {"--notifications-poll-ms", "86400000"};
  }

  // Subjects and bodies of the mail queued for one address.
  std::string mail_to(const std::string& address) const {
    auto db = store::open_database(db_path_);
    std::string all;
    for (const auto& row :
         db->query("SELECT subject, body_text FROM mail_outbox WHERE to_address = $1 ORDER BY id", {address}))
      all += row.text(0) + "\n" + row.text(1) + "\n---\n";
    return all;
  }
};

std::string outcome_of(const HttpResult& result) {
  const auto location = result.header("location");
  if (result.status == 200) return "ok";
  if (result.status == 303 && location.rfind("/sign-in?next=", 0) == 0) return "sign_in";
  if (result.status == 303 && location == "/account/two-factor") return "set_up_second_factor";
  if (result.status == 303 && location == "/account/notifications?saved=1") return "saved";
  if (result.status == 303 && location == "/restricted/new") return "seen";
  if (result.status == 400) return "invalid";
  if (result.status == 403) return "forbidden";
  if (result.status == 404) return "not_found";
  return "status " + std::to_string(result.status) + " " + location;
}

// The number in the restricted area's link to what is new ("" when the page has none).
std::string count_on_restricted(const std::string& body) {
  std::smatch found;
  if (!std::regex_search(body, found, std::regex("id=\"new-since-last-visit\">[^<]*?([0-9]+)</a>"))) return "";
  return found[1].str();
}

TEST_F(NotificationPages, EveryPersonAgainstEveryRoute) {
  const auto checked = for_each_cell("notification_pages_access.csv", [&](const Cell& cell) {
    if (cell.method == "POST") {
      const auto result = cell.browser.post(cell.path, {{"delivery", "immediate"}});
      EXPECT_EQ(outcome_of(result), cell.expected) << cell.path << " as " << cell.kind;
      return;
    }
    const auto result = cell.browser.get(cell.path);
    if (cell.method == "LIST" && result.status == 200) {
      EXPECT_EQ(std::to_string(count_of(result.body, "<tr data-kind=")), cell.expected) << cell.kind;
      EXPECT_EQ(result.body.find("id=\"nothing-new\"") != std::string::npos, cell.expected == "0") << cell.kind;
      // The comment on the parties' consultation is France's: not a word of it elsewhere.
      if (cell.kind == "representative_of_signatory" || cell.kind == "observer") {
        EXPECT_EQ(result.body.find("Draft for parties"), std::string::npos) << cell.kind;
      }
      return;
    }
    if (cell.method == "COUNT" && result.status == 200) {
      EXPECT_EQ(count_on_restricted(result.body), cell.expected) << cell.kind;
      return;
    }
    EXPECT_EQ(outcome_of(result), cell.expected) << cell.method << " " << cell.path << " as " << cell.kind;
  });
  EXPECT_GE(checked, 60);
}

TEST_F(NotificationPages, TheChoiceIsAFormInTheReadersLanguageThatKeepsWhatWasChosen) {
  auto observer = signed_in("observer");
  const auto page = observer.get("/account/notifications?lang=fr").body;
  EXPECT_NE(page.find("Un résumé par jour, lorsqu’il y a du nouveau"), std::string::npos);
  EXPECT_NE(page.find("<option value=\"digest\" selected>"), std::string::npos) << "the default";
  EXPECT_NE(observer.get("/account").body.find("href=\"/account/notifications\""), std::string::npos);
  const auto wrong = observer.post("/account/notifications", {{"delivery", "hourly"}});
  EXPECT_EQ(wrong.status, 400);
  EXPECT_NE(wrong.body.find("Choisissez l’une des options proposées."), std::string::npos);
  const auto saved = observer.post("/account/notifications", {{"delivery", "none"}});
  ASSERT_EQ(outcome_of(saved), "saved");
  const auto again = observer.get(saved.header("location")).body;
  EXPECT_NE(again.find("<option value=\"none\" selected>"), std::string::npos);
  EXPECT_NE(again.find("Votre choix est enregistré."), std::string::npos);
}

TEST_F(NotificationPages, AConsultationForPartiesNeverReachesASignatorysOrAnObserversMailListOrCount) {
  auto representative = signed_in("representative");
  auto signatory = signed_in("representative_of_signatory");
  auto observer = signed_in("observer");
  for (auto* browser : {&representative, &signatory, &observer}) {
    browser->get("/account/notifications");
    ASSERT_EQ(outcome_of(browser->post("/account/notifications", {{"delivery", "immediate"}})), "saved");
  }
  const auto signatory_count = count_on_restricted(signatory.get("/restricted").body);
  const auto representative_count = count_on_restricted(representative.get("/restricted").body);
  ASSERT_EQ(signatory_count, "3");
  // Immediate mail starts after the second it was chosen in.
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));

  auto chair = signed_in("chair");
  chair.get("/restricted/publish");
  const auto now = Timestamp::now();
  const auto published = chair.post("/restricted/publish", {{"title", "Parties-only costs draft"},
                                                            {"body", "The costs, for States Parties."},
                                                            {"kind", "consultation"},
                                                            {"audience", "parties"},
                                                            {"deadline", now.plus(std::chrono::hours{48}).iso()},
                                                            {"sections", ""}});
  ASSERT_EQ(published.status, 303) << published.body;

  const auto run = run_att({"notifications", "send", "--db", db_path_, "--now", now.plus(std::chrono::minutes{5}).iso(),
                            "--public-url", "http://example.test/"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("Notifications queued:"), std::string::npos) << run.out;

  // France's representative: the immediate mail and, France not having commented, the reminder.
  const auto to_france = mail_to("rep@example.org");
  EXPECT_EQ(count_of(to_france, "Parties-only costs draft"), 4u) << to_france;  // two subjects, two bodies
  EXPECT_NE(to_france.find("http://example.test/announcements/"), std::string::npos);
  EXPECT_NE(to_france.find("France has not commented yet"), std::string::npos);
  EXPECT_NE(mail_to("officer@example.de").find("Germany has not commented yet"), std::string::npos);
  // Outside the audience: nothing, whatever they chose.
  for (const auto* address :
       {"signatory@example.org", "observer@example.org", "newofficer@example.org", "admin@example.org"})
    EXPECT_EQ(mail_to(address).find("Parties-only"), std::string::npos) << address;
  // Nor in what is new, nor in its count.
  EXPECT_EQ(signatory.get("/restricted/new").body.find("Parties-only"), std::string::npos);
  EXPECT_EQ(observer.get("/restricted/new").body.find("Parties-only"), std::string::npos);
  EXPECT_EQ(count_on_restricted(signatory.get("/restricted").body), signatory_count);
  EXPECT_NE(representative.get("/restricted/new").body.find("Parties-only costs draft"), std::string::npos);
  EXPECT_EQ(count_on_restricted(representative.get("/restricted").body),
            std::to_string(std::stoi(representative_count) + 1));

  // A second run sends nothing again.
  auto db = store::open_database(db_path_);
  const auto queued = db->query("SELECT COUNT(*) FROM mail_outbox").front().integer(0);
  ASSERT_EQ(
      run_att({"notifications", "send", "--db", db_path_, "--now", now.plus(std::chrono::minutes{6}).iso()}).exit_code,
      0);
  EXPECT_EQ(db->query("SELECT COUNT(*) FROM mail_outbox").front().integer(0), queued);
}

}  // namespace
}  // namespace att::testing
