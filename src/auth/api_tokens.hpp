// Tokens for programs that call the API on a user's behalf (Authorization: Bearer ...).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace att::auth {

struct ApiToken {
  std::int64_t id = 0;
  std::string name;
  std::string created_at;
  std::optional<std::string> last_used_at;
};

// The token is shown to its owner once; only its digest is kept.
std::string create_api_token(store::Database& db, std::int64_t user_id, const std::string& name,
                             std::chrono::system_clock::time_point now);
// The owner of a live token, recording its use.
std::optional<std::int64_t> api_token_owner(store::Database& db, const std::string& token,
                                            std::chrono::system_clock::time_point now);
std::vector<ApiToken> api_tokens_of(store::Database& db, std::int64_t user_id);
bool revoke_api_token(store::Database& db, std::int64_t user_id, std::int64_t token_id,
                      std::chrono::system_clock::time_point now);

}  // namespace att::auth
