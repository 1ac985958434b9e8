// Account storage on SQLite and PostgreSQL alike: accounts, sessions, reset links, throttling,
// registrations, API tokens and the audit chain.
#include <gtest/gtest.h>

#include <cstdlib>
#include <thread>

#include "auth/accounts_store.hpp"
#include "auth/api_tokens.hpp"
#include "auth/audit_log.hpp"
#include "auth/device_cookies.hpp"
#include "auth/password_resets.hpp"
#include "auth/registrations.hpp"
#include "auth/secrets.hpp"
#include "auth/sessions_store.hpp"
#include "auth/sign_in_throttle.hpp"
#include "core/date.hpp"
#include "store/migrations.hpp"
#include "store/open_database.hpp"
#include "test_support.hpp"

namespace att::auth {
using namespace att::literals;
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::system_clock;

class AuthStorage : public testing::OnBothDatabasesWithRegister {
 protected:
  std::int64_t make_account(const std::string& email, std::set<Role> roles, std::optional<std::string> state = {}) {
    return create_account(*db_, {email, "Name", "Position", std::move(state), "hash", std::move(roles)}, "2026-01-01T00:00:00Z"_utc);
  }
};

TEST_P(AuthStorage, AccountsKeepTheirRolesStateAndSecondFactor) {
  const auto id = make_account("  Officer@Example.ORG ", {Role::reporting_officer, Role::state_representative}, "FRA");
  EXPECT_GT(id, 0);
  const auto found = find_account_by_email(*db_, "officer@example.org");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->account.id, id);
  EXPECT_EQ(found->account.email, "officer@example.org");
  EXPECT_EQ(found->account.roles, (std::set<Role>{Role::reporting_officer, Role::state_representative}));
  EXPECT_EQ(found->account.state_iso3, "FRA");
  EXPECT_FALSE(found->account.totp_enabled);
  set_totp_secret(*db_, id, "JBSWY3DPEHPK3PXP", true, "2026-01-02T00:00:00Z"_utc);
  set_totp_last_step(*db_, id, 12345);
  const auto again = find_account(*db_, id);
  EXPECT_TRUE(again->account.totp_enabled);
  EXPECT_EQ(again->totp_secret, "JBSWY3DPEHPK3PXP");
  EXPECT_EQ(again->totp_last_step, 12345);
  EXPECT_THROW(make_account("officer@example.org", {Role::observer}), store::DatabaseError) << "one account per address";
  EXPECT_THROW(make_account("x@example.org", {Role::state_representative}, "ZZZ"), store::DatabaseError)
      << "the State must exist";
}

TEST_P(AuthStorage, RecoveryCodesWorkOnce) {
  const auto id = make_account("a@example.org", {Role::secretariat});
  replace_recovery_codes(*db_, id, {token_digest("one"), token_digest("two")});
  EXPECT_EQ(unused_recovery_codes(*db_, id), 2);
  EXPECT_TRUE(use_recovery_code(*db_, id, token_digest("one"), "2026-01-01T00:00:00Z"_utc));
  EXPECT_FALSE(use_recovery_code(*db_, id, token_digest("one"), "2026-01-01T00:00:01Z"_utc));
  EXPECT_FALSE(use_recovery_code(*db_, id, token_digest("three"), "2026-01-01T00:00:01Z"_utc));
  EXPECT_EQ(unused_recovery_codes(*db_, id), 1);
}

TEST_P(AuthStorage, SessionsExpireWhenIdleOrTooOld) {
  const auto id = make_account("s@example.org", {Role::observer});
  const SessionLimits limits{30min, 12h};
  const auto start = Clock::now();
  const auto created = create_session(*db_, id, true, "127.0.0.1", "test", limits, start);
  EXPECT_NE(created.token, created.session.token_digest) << "the database holds a digest, not the token";
  EXPECT_TRUE(db_->query("SELECT 1 FROM sessions WHERE token_hash = $1", {created.token}).empty());
  EXPECT_TRUE(find_live_session(*db_, created.token, limits, start + 29min));
  EXPECT_TRUE(find_live_session(*db_, created.token, limits, start + 50min)) << "the last visit kept it alive";
  EXPECT_FALSE(find_live_session(*db_, created.token, limits, start + 90min)) << "idle for 40 minutes";
  EXPECT_FALSE(find_live_session(*db_, created.token, limits, start + 60min)) << "and it was deleted";

  const auto second = create_session(*db_, id, true, "127.0.0.1", "test", limits, start);
  for (auto at = start; at < start + 12h; at += 25min) ASSERT_TRUE(find_live_session(*db_, second.token, limits, at));
  EXPECT_FALSE(find_live_session(*db_, second.token, limits, start + 12h + 1min)) << "absolute limit";
  EXPECT_FALSE(find_live_session(*db_, "no-such-token", limits, start));
}

TEST_P(AuthStorage, SignOutEverywhereDeletesEverySession) {
  const auto id = make_account("e@example.org", {Role::observer});
  const auto other = make_account("f@example.org", {Role::observer});
  for (int i = 0; i < 3; ++i) create_session(*db_, id, true, "", "", {}, Clock::now());
  create_session(*db_, other, true, "", "", {}, Clock::now());
  EXPECT_EQ(sessions_of(*db_, id).size(), 3u);
  EXPECT_EQ(delete_sessions_of(*db_, id), 3);
  EXPECT_TRUE(sessions_of(*db_, id).empty());
  EXPECT_EQ(sessions_of(*db_, other).size(), 1u);
}

TEST_P(AuthStorage, ResetLinksAreSingleUseAndExpire) {
  const auto id = make_account("r@example.org", {Role::observer});
  const auto now = Clock::now();
  const auto token = create_password_reset(*db_, id, now);
  EXPECT_EQ(check_password_reset(*db_, token, now + 59min).user_id, id);
  EXPECT_EQ(check_password_reset(*db_, token, now + 61min).problem, ResetTokenProblem::expired);
  EXPECT_FALSE(consume_password_reset(*db_, token, now + 61min)) << "expired links cannot be used";
  EXPECT_TRUE(consume_password_reset(*db_, token, now + 1min));
  EXPECT_FALSE(consume_password_reset(*db_, token, now + 2min));
  EXPECT_EQ(check_password_reset(*db_, token, now + 2min).problem, ResetTokenProblem::used);
  EXPECT_EQ(check_password_reset(*db_, "made-up", now).problem, ResetTokenProblem::unknown);
}

TEST_P(AuthStorage, ThrottleCountsPerAccountAndPerAddressWithinTheWindow) {
  const ThrottleLimits limits{3, 5, 15min};
  const auto now = Clock::now();
  for (int i = 0; i < 3; ++i) record_sign_in_failure(*db_, {"victim@example.org", "10.0.0.1"}, now);
  EXPECT_FALSE(sign_in_allowed(*db_, {"VICTIM@example.org", "10.0.0.9"}, limits, now)) << "per account, any address";
  EXPECT_TRUE(sign_in_allowed(*db_, {"victim@example.org", "10.0.0.9"}, limits, now + 16min)) << "window passed";
  for (int i = 0; i < 2; ++i)
    record_sign_in_failure(*db_, {"other" + std::to_string(i) + "@example.org", "10.0.0.1"}, now);
  EXPECT_FALSE(sign_in_allowed(*db_, {"fresh@example.org", "10.0.0.1"}, limits, now)) << "per address, any account";
  clear_sign_in_failures(*db_, {"victim@example.org", "10.0.0.1"});
  EXPECT_TRUE(sign_in_allowed(*db_, {"victim@example.org", "10.0.0.2"}, limits, now));
}

TEST_P(AuthStorage, ARememberedBrowserHasItsOwnLimitInPlaceOfTheAccounts) {
  const ThrottleLimits limits{3, 50, 15min, 2};
  const auto now = Clock::now();
  for (int i = 0; i < 3; ++i) record_sign_in_failure(*db_, {"victim@example.org", "10.0.0.1"}, now);
  EXPECT_FALSE(sign_in_allowed(*db_, {"victim@example.org", "10.0.0.2"}, limits, now));
  const SignInAttempt remembered{"victim@example.org", "10.0.0.2", "device-1"};
  EXPECT_TRUE(sign_in_allowed(*db_, remembered, limits, now)) << "others' failures do not lock it out";
  for (int i = 0; i < 2; ++i) record_sign_in_failure(*db_, remembered, now);
  EXPECT_FALSE(sign_in_allowed(*db_, remembered, limits, now)) << "its own failures do";
  EXPECT_TRUE(sign_in_allowed(*db_, {"victim@example.org", "10.0.0.2", "device-2"}, limits, now));
}

TEST_P(AuthStorage, ResetRequestsAreLimitedPerEmailAndPerAddress) {
  const ResetLimits limits{2, 3, 60min};
  const auto now = Clock::now();
  for (int i = 0; i < 2; ++i) record_reset_request(*db_, "victim@example.org", "10.0.0.1", now);
  EXPECT_FALSE(reset_request_allowed(*db_, "Victim@example.org", "10.0.0.9", limits, now)) << "per e-mail";
  EXPECT_TRUE(reset_request_allowed(*db_, "victim@example.org", "10.0.0.9", limits, now + 61min)) << "window passed";
  record_reset_request(*db_, "other@example.org", "10.0.0.1", now);
  EXPECT_FALSE(reset_request_allowed(*db_, "fresh@example.org", "10.0.0.1", limits, now)) << "per client address";
  EXPECT_TRUE(sign_in_allowed(*db_, {"victim@example.org", "10.0.0.1"}, {}, now)) << "not sign-in failures";
}

TEST_P(AuthStorage, DeviceCookiesAreSignedWithOneKeyPerDatabaseAndBoundToTheirAccount) {
  const auto key = device_key(*db_);
  EXPECT_EQ(key.size(), 64u);
  EXPECT_EQ(device_key(*db_), key) << "made once, then read back";
  const auto now = Clock::now();
  const auto cookie = issue_device_cookie(key, 42, now);
  const auto device = verified_device(key, cookie, 42, now + 24h);
  ASSERT_TRUE(device);
  EXPECT_FALSE(device->empty());
  EXPECT_NE(verified_device(key, issue_device_cookie(key, 42, now), 42, now), device) << "one id per browser";
  EXPECT_FALSE(verified_device(key, cookie, 43, now)) << "another account";
  EXPECT_FALSE(verified_device(key, cookie, 42, now + device_cookie_lifetime + 1h)) << "expired";
  auto changed = cookie;
  changed.front() = changed.front() == '4' ? '5' : '4';
  EXPECT_FALSE(verified_device(key, changed, 42, now)) << "changed";
  EXPECT_FALSE(verified_device(key, "42.1.x.00", 42, now));
  EXPECT_FALSE(verified_device(key, "", 42, now));
}

TEST_P(AuthStorage, RegistrationsMoveFromUnconfirmedToDecided) {
  const auto reviewer = make_account("sec@example.org", {Role::secretariat});
  const auto now = Clock::now();
  std::int64_t id = 0;
  const auto token = create_registration(
      *db_, {"Applicant@Example.org", "Ana", "Head of unit", "ESP", Role::reporting_officer, "note", "hash", "es"}, now,
      &id);
  EXPECT_EQ(find_registration(*db_, id)->status, RegistrationStatus::unconfirmed);
  EXPECT_FALSE(decide_registration(*db_, id, true, reviewer, "", "2026-01-01T00:00:00Z"_utc)) << "not confirmed yet";
  EXPECT_FALSE(confirm_registration(*db_, token, now + 49h)) << "the link lasts 48 hours";
  const auto confirmed = confirm_registration(*db_, token, now + 1h);
  ASSERT_TRUE(confirmed);
  EXPECT_EQ(confirmed->status, RegistrationStatus::pending);
  EXPECT_EQ(confirmed->application.email, "applicant@example.org");
  EXPECT_EQ(confirmed->application.requested_role, Role::reporting_officer);
  EXPECT_FALSE(confirm_registration(*db_, token, now + 1h)) << "once";
  EXPECT_EQ(registrations_with_status(*db_, RegistrationStatus::pending).size(), 1u);
  EXPECT_TRUE(decide_registration(*db_, id, false, reviewer, "unknown ministry", "2026-01-01T00:00:00Z"_utc));
  EXPECT_FALSE(decide_registration(*db_, id, true, reviewer, "", "2026-01-01T00:00:00Z"_utc)) << "decided once";
  EXPECT_EQ(find_registration(*db_, id)->decision_reason, "unknown ministry");
}

TEST_P(AuthStorage, ApiTokensAreStoredAsDigestsAndRevocable) {
  const auto id = make_account("t@example.org", {Role::observer});
  const auto token = create_api_token(*db_, {id, "script", TokenScope::read, Clock::now() + 90 * 24h}, Clock::now());
  EXPECT_TRUE(db_->query("SELECT 1 FROM api_tokens WHERE token_hash = $1", {token}).empty());
  const auto holder = api_token_holder(*db_, token, Clock::now());
  ASSERT_TRUE(holder);
  EXPECT_EQ(holder->user_id, id);
  EXPECT_EQ(holder->scope, TokenScope::read);
  const auto tokens = api_tokens_of(*db_, id);
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_TRUE(tokens[0].last_used_at);
  EXPECT_EQ(tokens[0].owner_email, "t@example.org");
  EXPECT_FALSE(revoke_api_token(*db_, id + 1, tokens[0].id, Clock::now())) << "only by its owner";
  EXPECT_TRUE(revoke_api_token(*db_, id, tokens[0].id, Clock::now()));
  EXPECT_FALSE(api_token_holder(*db_, token, Clock::now()));
}

TEST_P(AuthStorage, ApiTokensEndAtTheirExpiryAndLastAYearAtMost) {
  const auto id = make_account("x@example.org", {Role::observer});
  const auto start = Clock::now();
  const auto token = create_api_token(*db_, {id, "script", TokenScope::full, start + 24h}, start);
  EXPECT_TRUE(api_token_holder(*db_, token, start + 23h));
  EXPECT_FALSE(api_token_holder(*db_, token, start + 24h)) << "expired";
  EXPECT_EQ(api_tokens_of(*db_, id).size(), 1u) << "an expired token stays listed, with its end";

  EXPECT_FALSE(check_token_expiry(start + default_token_lifetime, start));
  EXPECT_FALSE(check_token_expiry(start + longest_token_lifetime, start));
  EXPECT_EQ(check_token_expiry(start + longest_token_lifetime + 1s, start), TokenExpiryProblem::too_far);
  EXPECT_EQ(check_token_expiry(start, start), TokenExpiryProblem::in_the_past);
}

TEST_P(AuthStorage, RevokingCredentialsEndsSessionsAndTokensOfThatAccountOnly) {
  const auto id = make_account("r@example.org", {Role::observer});
  const auto other = make_account("s@example.org", {Role::observer});
  const auto now = Clock::now();
  create_session(*db_, id, true, "", "", {}, now);
  const auto mine = create_api_token(*db_, {id, "a", TokenScope::full, now + 24h}, now);
  create_api_token(*db_, {id, "b", TokenScope::read, now + 24h}, now);
  const auto theirs = create_api_token(*db_, {other, "c", TokenScope::full, now + 24h}, now);
  const auto revoked = revoke_credentials_of(*db_, id, now);
  EXPECT_EQ(revoked.sessions, 1);
  EXPECT_EQ(revoked.api_tokens, 2);
  EXPECT_FALSE(api_token_holder(*db_, mine, now));
  EXPECT_TRUE(api_tokens_of(*db_, id).empty());
  EXPECT_TRUE(api_token_holder(*db_, theirs, now));
  EXPECT_EQ(all_api_tokens(*db_).size(), 1u);
}

TEST_P(AuthStorage, TokensFromBeforeMigrationNineEndNinetyDaysAfterIt) {
  // Back to the schema before migration 9, with a token made then; then migrate again.
  db_->execute_script(
      "DROP INDEX api_tokens_by_user; ALTER TABLE api_tokens DROP COLUMN scope;"
      " ALTER TABLE api_tokens DROP COLUMN expires_at; DELETE FROM schema_migrations WHERE version = 9");
  const auto id = make_account("m@example.org", {Role::observer});
  db_->execute("INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES ($1, 'old', $2, $3)",
               {id, token_digest("att_old_token_of_a_script"), std::string("2020-01-01T00:00:00Z")});
  const auto before = Clock::now();
  store::migrate(*db_);
  const auto tokens = api_tokens_of(*db_, id);
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].scope, TokenScope::full) << "the rights it had";
  EXPECT_GE(tokens[0].expires_at, utc_timestamp(before + default_token_lifetime - 1s));
  EXPECT_LE(tokens[0].expires_at, utc_timestamp(Clock::now() + default_token_lifetime + 1s));
  EXPECT_TRUE(api_token_holder(*db_, "att_old_token_of_a_script", Clock::now()));
}

TEST_P(AuthStorage, AuditChainDetectsChangesDeletionsAndReordering) {
  for (int i = 0; i < 5; ++i)
    record_audit(*db_, {std::nullopt, "cli", "event", "target:" + std::to_string(i), "détail «" + std::to_string(i) + "»", "::1"},
                 ("2026-01-01T00:00:00Z"_utc).plus(std::chrono::seconds{i}));
  EXPECT_TRUE(verify_audit(*db_).intact);
  EXPECT_EQ(verify_audit(*db_).entries, 5);
  EXPECT_EQ(read_audit(*db_, 2).front().seq, 5) << "newest first";
  EXPECT_EQ(read_audit(*db_, 10, 3).size(), 2u);

  db_->execute("UPDATE audit_log SET actor = 'someone else' WHERE seq = 3");
  auto result = verify_audit(*db_);
  EXPECT_FALSE(result.intact);
  EXPECT_EQ(result.first_bad_seq, 3);
  db_->execute("UPDATE audit_log SET actor = 'cli' WHERE seq = 3");
  EXPECT_TRUE(verify_audit(*db_).intact) << "restored";

  db_->execute("DELETE FROM audit_log WHERE seq = 2");
  result = verify_audit(*db_);
  EXPECT_FALSE(result.intact);
  EXPECT_EQ(result.first_bad_seq, 3);
  EXPECT_NE(result.problem.find("missing"), std::string::npos);
}

TEST_P(AuthStorage, ConcurrentWritersKeepOneUnbrokenAuditChain) {
  std::vector<std::thread> writers;
  for (int w = 0; w < 4; ++w) {
    writers.emplace_back([this, w] {
      auto db = store::open_database(location_);
      for (int i = 0; i < 10; ++i)
        record_audit(*db, {std::nullopt, "writer" + std::to_string(w), "event", {}, {}, {}}, Timestamp::now());
    });
  }
  for (auto& writer : writers) writer.join();
  const auto result = verify_audit(*db_);
  EXPECT_TRUE(result.intact) << result.problem;
  EXPECT_EQ(result.entries, 40);
}

INSTANTIATE_TEST_SUITE_P(BothDatabases, AuthStorage, ::testing::ValuesIn(testing::database_kinds()),
                         [](const auto& test_info) { return test_info.param; });

}  // namespace
}  // namespace att::auth
