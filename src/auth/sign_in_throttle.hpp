// Slows down password guessing: too many failed sign-ins for one account, or from one
// address, within a window, and further attempts are refused for a while.
#pragma once

#include <chrono>
#include <string>

#include "store/database.hpp"

namespace att::auth {

struct ThrottleLimits {
  int per_account = 5;
  int per_address = 20;
  std::chrono::minutes window{15};
};

// Both subjects are counted whether or not the account exists, so the answer reveals nothing.
bool sign_in_allowed(store::Database& db, const std::string& email, const std::string& ip, const ThrottleLimits& limits,
                     std::chrono::system_clock::time_point now);
void record_sign_in_failure(store::Database& db, const std::string& email, const std::string& ip,
                            std::chrono::system_clock::time_point now);
void clear_sign_in_failures(store::Database& db, const std::string& email);

}  // namespace att::auth
