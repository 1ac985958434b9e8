#include "auth/sign_in_throttle.hpp"

#include "auth/accounts_store.hpp"
#include "core/date.hpp"

namespace att::auth {

namespace {

// Every counted event is a row of sign_in_failures; its subject says what it counts for.
std::string account_subject(const std::string& email) { return "account:" + normalize_email(email); }
std::string address_subject(const std::string& ip) { return "address:" + ip; }
std::string device_subject(const std::string& device) { return "device:" + device; }
std::string reset_email_subject(const std::string& email) { return "reset-account:" + normalize_email(email); }
std::string reset_address_subject(const std::string& ip) { return "reset-address:" + ip; }

bool under_limit(store::Database& db, const std::string& subject, int limit, std::chrono::minutes window,
                 std::chrono::system_clock::time_point now) {
  const auto count = db.query("SELECT COUNT(*) FROM sign_in_failures WHERE subject = $1 AND at > $2",
                              {subject, utc_timestamp(now - window)})
                         .at(0)
                         .integer(0);
  return count < limit;
}

void record(store::Database& db, const std::string& subject, std::chrono::system_clock::time_point now) {
  db.execute("INSERT INTO sign_in_failures (subject, at) VALUES ($1, $2)", {subject, utc_timestamp(now)});
}

// Old events no longer count (no window is longer than a day); dropping them keeps the table small.
void forget_old_events(store::Database& db, std::chrono::system_clock::time_point now) {
  db.execute("DELETE FROM sign_in_failures WHERE at < $1", {utc_timestamp(now - std::chrono::hours(24))});
}

}  // namespace

bool sign_in_allowed(store::Database& db, const SignInAttempt& attempt, const ThrottleLimits& limits,
                     std::chrono::system_clock::time_point now) {
  const bool per_browser_ok =
      attempt.device ? under_limit(db, device_subject(*attempt.device), limits.per_device, limits.window, now)
                     : under_limit(db, account_subject(attempt.email), limits.per_account, limits.window, now);
  return per_browser_ok && under_limit(db, address_subject(attempt.ip), limits.per_address, limits.window, now);
}

void record_sign_in_failure(store::Database& db, const SignInAttempt& attempt,
                            std::chrono::system_clock::time_point now) {
  record(db, account_subject(attempt.email), now);
  record(db, address_subject(attempt.ip), now);
  if (attempt.device) record(db, device_subject(*attempt.device), now);
  forget_old_events(db, now);
}

void clear_sign_in_failures(store::Database& db, const SignInAttempt& attempt) {
  db.execute("DELETE FROM sign_in_failures WHERE subject = $1", {account_subject(attempt.email)});
  if (attempt.device) db.execute("DELETE FROM sign_in_failures WHERE subject = $1", {device_subject(*attempt.device)});
}

bool reset_request_allowed(store::Database& db, const std::string& email, const std::string& ip,
                           const ResetLimits& limits, std::chrono::system_clock::time_point now) {
  return under_limit(db, reset_email_subject(email), limits.per_email, limits.window, now) &&
         under_limit(db, reset_address_subject(ip), limits.per_address, limits.window, now);
}

void record_reset_request(store::Database& db, const std::string& email, const std::string& ip,
                          std::chrono::system_clock::time_point now) {
  record(db, reset_email_subject(email), now);
  record(db, reset_address_subject(ip), now);
  forget_old_events(db, now);
}

}  // namespace att::auth
