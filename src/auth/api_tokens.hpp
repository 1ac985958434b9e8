// Tokens for programs that call the API on a user's behalf (Authorization: Bearer ...). Each
// has a scope and an end; resetting the owner's credentials revokes them all.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/token_scope.hpp"
#include "store/database.hpp"

namespace att::auth {

// A token nobody remembers should not work for ever; one that must be renewed yearly is
// renewed by someone who still needs it.
inline constexpr std::chrono::days default_token_lifetime{90};
inline constexpr std::chrono::days longest_token_lifetime{366};  // one year, leap years included

struct ApiToken {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string owner_email;
  std::string name;
  TokenScope scope = TokenScope::full;
  std::string created_at;
  std::string expires_at;
  std::optional<std::string> last_used_at;
};

struct NewApiToken {
  std::int64_t user_id = 0;
  std::string name;
  TokenScope scope = TokenScope::full;
  std::chrono::system_clock::time_point expires_at;
};

enum class TokenExpiryProblem { in_the_past, too_far };
// Whether a token may end at `expires_at`: after `now`, at most `longest_token_lifetime` later.
std::optional<TokenExpiryProblem> check_token_expiry(std::chrono::system_clock::time_point expires_at,
                                                     std::chrono::system_clock::time_point now);

// The token is shown to its owner once; only its digest is kept. The expiry must have passed
// check_token_expiry.
std::string create_api_token(store::Database& db, const NewApiToken& token, std::chrono::system_clock::time_point now);

struct TokenHolder {
  std::int64_t user_id = 0;
  TokenScope scope = TokenScope::full;
};
// Who holds a live (not revoked, not expired) token, recording its use.
std::optional<TokenHolder> api_token_holder(store::Database& db, const std::string& token,
                                            std::chrono::system_clock::time_point now);

// Tokens not revoked, expired ones included (their owner sees when they ended), oldest first.
std::vector<ApiToken> api_tokens_of(store::Database& db, std::int64_t user_id);
std::vector<ApiToken> all_api_tokens(store::Database& db);

bool revoke_api_token(store::Database& db, std::int64_t user_id, std::int64_t token_id,
                      std::chrono::system_clock::time_point now);
// For `att tokens revoke`, run by whoever holds the database: any owner's token.
std::optional<ApiToken> revoke_any_api_token(store::Database& db, std::int64_t token_id,
                                             std::chrono::system_clock::time_point now);
std::int64_t revoke_api_tokens_of(store::Database& db, std::int64_t user_id, std::chrono::system_clock::time_point now);

}  // namespace att::auth
