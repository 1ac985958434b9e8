// Single-use, expiring password-reset links. Only the token's digest is stored.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "store/database.hpp"

namespace att::auth {

// Returns the token to put in the e-mailed link.
std::string create_password_reset(store::Database& db, std::int64_t user_id, std::chrono::system_clock::time_point now,
                                  std::chrono::minutes valid_for = std::chrono::minutes(60));

enum class ResetTokenProblem { unknown, expired, used };

struct ResetTokenCheck {
  std::optional<std::int64_t> user_id;  // set when the token may be used
  std::optional<ResetTokenProblem> problem;
};

ResetTokenCheck check_password_reset(store::Database& db, const std::string& token,
                                     std::chrono::system_clock::time_point now);
// Marks it used; false if it was already used (two tabs, a replayed link).
bool consume_password_reset(store::Database& db, const std::string& token, std::chrono::system_clock::time_point now);

}  // namespace att::auth
