// Slows down password guessing and mail flooding: too many events for one subject (an account,
// a client address, a remembered browser) within a window, and further attempts are refused
// for a while.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "store/database.hpp"

namespace att::auth {

struct ThrottleLimits {
  int per_account = 5;  // failed passwords, TOTP codes and recovery codes together
  int per_address = 20;
  std::chrono::minutes window{15};
  // A browser that completed a sign-in to the account (device_cookies.hpp) has its own limit in
  // place of the account's, so that others' failures cannot lock the owner out.
  int per_device = 5;
};

// Who is trying to sign in. Without a device, the account's limit applies.
struct SignInAttempt {
  std::string email;
  std::string ip;
  std::optional<std::string> device{};  // the id of a device cookie valid for this account
};

// Both the account and the address are counted whether or not the account exists, so the answer
// reveals nothing.
bool sign_in_allowed(store::Database& db, const SignInAttempt& attempt, const ThrottleLimits& limits,
                     std::chrono::system_clock::time_point now);
void record_sign_in_failure(store::Database& db, const SignInAttempt& attempt,
                            std::chrono::system_clock::time_point now);
// Only once a sign-in is complete (both factors): a correct password alone clears nothing.
void clear_sign_in_failures(store::Database& db, const SignInAttempt& attempt);

// Password-reset mails asked for, per e-mail address and per client address.
struct ResetLimits {
  int per_email = 3;
  int per_address = 10;
  std::chrono::minutes window{60};
};

// Counted whether or not the address has an account, like sign-in failures.
bool reset_request_allowed(store::Database& db, const std::string& email, const std::string& ip,
                           const ResetLimits& limits, std::chrono::system_clock::time_point now);
void record_reset_request(store::Database& db, const std::string& email, const std::string& ip,
                          std::chrono::system_clock::time_point now);

}  // namespace att::auth
