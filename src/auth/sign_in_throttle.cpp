#include "auth/sign_in_throttle.hpp"

#include "auth/accounts_store.hpp"
#include "core/date.hpp"

namespace att::auth {

namespace {

std::string account_subject(const std::string& email) { return "account:" + normalize_email(email); }
std::string address_subject(const std::string& ip) { return "address:" + ip; }

std::int64_t failures_since(store::Database& db, const std::string& subject, const std::string& since) {
  return db.query("SELECT COUNT(*) FROM sign_in_failures WHERE subject = $1 AND at > $2", {subject, since})
      .at(0)
      .integer(0);
}

}  // namespace

bool sign_in_allowed(store::Database& db, const std::string& email, const std::string& ip, const ThrottleLimits& limits,
                     std::chrono::system_clock::time_point now) {
  const auto since = utc_timestamp(now - limits.window);
  return failures_since(db, account_subject(email), since) < limits.per_account &&
         failures_since(db, address_subject(ip), since) < limits.per_address;
}

void record_sign_in_failure(store::Database& db, const std::string& email, const std::string& ip,
                            std::chrono::system_clock::time_point now) {
  const auto at = utc_timestamp(now);
  db.execute("INSERT INTO sign_in_failures (subject, at) VALUES ($1, $2)", {account_subject(email), at});
  db.execute("INSERT INTO sign_in_failures (subject, at) VALUES ($1, $2)", {address_subject(ip), at});
  // Old failures no longer count; dropping them keeps the table small.
  db.execute("DELETE FROM sign_in_failures WHERE at < $1", {utc_timestamp(now - std::chrono::hours(24))});
}

void clear_sign_in_failures(store::Database& db, const std::string& email) {
  db.execute("DELETE FROM sign_in_failures WHERE subject = $1", {account_subject(email)});
}

}  // namespace att::auth
