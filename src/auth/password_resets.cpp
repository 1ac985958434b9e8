#include "auth/password_resets.hpp"

#include "auth/secrets.hpp"
#include "core/date.hpp"

namespace att::auth {

std::string create_password_reset(store::Database& db, std::int64_t user_id, std::chrono::system_clock::time_point now,
                                  std::chrono::minutes valid_for) {
  const auto token = random_token();
  db.execute("INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
             {token_digest(token), user_id, utc_timestamp(now), utc_timestamp(now + valid_for)});
  return token;
}

ResetTokenCheck check_password_reset(store::Database& db, const std::string& token,
                                     std::chrono::system_clock::time_point now) {
  if (token.empty() || token.size() > 128) return {std::nullopt, ResetTokenProblem::unknown};
  const auto rows =
      db.query("SELECT user_id, expires_at, used_at FROM password_resets WHERE token_hash = $1", {token_digest(token)});
  if (rows.empty()) return {std::nullopt, ResetTokenProblem::unknown};
  const auto& row = rows.front();
  if (!row.is_null(2)) return {std::nullopt, ResetTokenProblem::used};
  if (row.text(1) <= utc_timestamp(now)) return {std::nullopt, ResetTokenProblem::expired};
  return {row.integer(0), std::nullopt};
}

bool consume_password_reset(store::Database& db, const std::string& token, std::chrono::system_clock::time_point now) {
  return !db.query(
                "UPDATE password_resets SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1"
                " RETURNING user_id",
                {utc_timestamp(now), token_digest(token)})
              .empty();
}

}  // namespace att::auth
