#include "auth/api_tokens.hpp"

#include "auth/secrets.hpp"
#include "core/date.hpp"

namespace att::auth {

std::string create_api_token(store::Database& db, std::int64_t user_id, const std::string& name,
                             std::chrono::system_clock::time_point now) {
  // A recognisable prefix lets secret scanners spot a leaked token.
  const auto token = "att_" + random_token();
  db.execute("INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4)",
             {user_id, name.substr(0, 100), token_digest(token), utc_timestamp(now)});
  return token;
}

std::optional<std::int64_t> api_token_owner(store::Database& db, const std::string& token,
                                            std::chrono::system_clock::time_point now) {
  if (token.size() < 10 || token.size() > 128) return std::nullopt;
  const auto rows = db.query(
      "UPDATE api_tokens SET last_used_at = $1 WHERE token_hash = $2 AND revoked_at IS NULL RETURNING user_id",
      {utc_timestamp(now), token_digest(token)});
  if (rows.empty()) return std::nullopt;
  return rows.front().integer(0);
}

std::vector<ApiToken> api_tokens_of(store::Database& db, std::int64_t user_id) {
  std::vector<ApiToken> tokens;
  for (const auto& row : db.query(
           "SELECT id, name, created_at, last_used_at FROM api_tokens WHERE user_id = $1 AND revoked_at IS NULL"
           " ORDER BY id",
           {user_id}))
    tokens.push_back({row.integer(0), row.text(1), row.text(2), row.optional_text(3)});
  return tokens;
}

bool revoke_api_token(store::Database& db, std::int64_t user_id, std::int64_t token_id,
                      std::chrono::system_clock::time_point now) {
  return !db.query(
                "UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL"
                " RETURNING id",
                {utc_timestamp(now), token_id, user_id})
              .empty();
}

}  // namespace att::auth
