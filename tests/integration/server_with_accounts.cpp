#include "server_with_accounts.hpp"

#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "auth/accounts_store.hpp"
#include "auth/secrets.hpp"
#include "auth/totp.hpp"
#include "store/open_database.hpp"

namespace att::testing {
using namespace att::literals;

const std::string password = "correct horse battery staple";

const std::map<std::string, Person> people = {
    {"observer", {"observer@example.org", {auth::Role::observer}, std::nullopt, false}},
    {"representative", {"rep@example.org", {auth::Role::state_representative}, "FRA", false}},
    {"representative_of_signatory", {"signatory@example.org", {auth::Role::state_representative}, "USA", false}},
    {"reporting_officer",
     {"officer@example.org", {auth::Role::state_representative, auth::Role::reporting_officer}, "FRA", true}},
    {"reporting_officer_of_germany",
     {"officer@example.de", {auth::Role::state_representative, auth::Role::reporting_officer}, "DEU", true}},
    {"reporting_officer_without_second_factor",
     {"newofficer@example.org", {auth::Role::state_representative, auth::Role::reporting_officer}, "DEU", false}},
    {"chair", {"chair@example.org", {auth::Role::chair}, std::nullopt, false}},
    {"secretariat", {"sec@example.org", {auth::Role::secretariat}, std::nullopt, true}},
    {"administrator", {"admin@example.org", {auth::Role::administrator}, std::nullopt, true}},
};

void ServerWithAccounts::SetUp() {
  db_path_ = (dir_.path() / "server.db").string();
  ASSERT_EQ(run_att({"init", "--db", db_path_}).exit_code, 0);
  auto db = store::open_database(db_path_);
  const auto hash = auth::hash_password(password);
  for (const auto& [kind, person] : people) {
    const auto id =
        auth::create_account(*db, {person.email, kind, "", person.state, hash, person.roles}, "2026-01-01T00:00:00Z"_utc);
    account_ids_[kind] = id;
    if (person.second_factor) {
      secrets_[kind] = auth::new_totp_secret();
      auth::set_totp_secret(*db, id, secrets_[kind], true, "2026-01-01T00:00:00Z"_utc);
    }
  }
  prepare(*db);
  if (HasFatalFailure()) return;
  mailbox_ = dir_.path() / "mail.mbox";
  auto options = std::vector<std::string>{"--mail", "file:" + mailbox_.string(), "--mail-poll-ms", "100", "--public-url",
                                          "http://example.test"};
  for (auto& option : serve_options()) options.push_back(std::move(option));
  server_ = std::make_unique<ServerProcess>(db_path_, options);
}

Browser ServerWithAccounts::signed_in(const std::string& kind) {
  const auto& person = people.at(kind);
  Browser browser(server_->port());
  browser.get("/sign-in");
  const auto answer = browser.post("/sign-in", {{"email", person.email}, {"password", password}});
  EXPECT_EQ(answer.status, 303) << kind << ": " << answer.body.substr(0, 300);
  const bool asks_for_code = answer.header("location") == "/sign-in/second-factor";
  EXPECT_EQ(asks_for_code, person.second_factor) << kind << ": sent to " << answer.header("location");
  if (!asks_for_code || !person.second_factor) return browser;
  browser.get("/sign-in/second-factor");
  const auto verified = browser.post("/sign-in/second-factor", {{"code", totp_code_now(kind)}});
  // Those who report land on the reporting tool's home, everyone else on their account.
  const bool reports = person.roles.contains(auth::Role::reporting_officer) || person.roles.contains(auth::Role::secretariat);
  EXPECT_EQ(verified.header("location"), reports ? "/reporting" : "/account") << kind << ": " << verified.body.substr(0, 300);
  return browser;
}

std::string ServerWithAccounts::totp_code_now(const std::string& kind) const {
  const auto seconds =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  return auth::totp_code(secrets_.at(kind), seconds);
}

std::string ServerWithAccounts::mailbox() const { return file_content(mailbox_); }

std::string ServerWithAccounts::wait_for_mail(const std::string& needle) {
  for (int i = 0; i < 100; ++i) {
    const auto text = mailbox();
    if (text.find(needle) != std::string::npos) return text;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return mailbox();
}

std::set<std::string> ServerWithAccounts::audited_actions() const {
  std::set<std::string> actions;
  const auto exported = nlohmann::json::parse(run_att({"audit", "export", "--db", db_path_, "--format", "json"}).out);
  for (const auto& entry : exported) actions.insert(entry["action"].get<std::string>());
  return actions;
}

}  // namespace att::testing
