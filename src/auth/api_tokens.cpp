#include "auth/api_tokens.hpp"

#include "auth/secrets.hpp"
#include "core/date.hpp"

namespace att::auth {

namespace {

constexpr const char* token_columns =
    "SELECT t.id, t.user_id, u.email, t.name, t.scope, t.created_at, t.expires_at, t.last_used_at"
    " FROM api_tokens t JOIN users u ON u.id = t.user_id";

ApiToken token_from_row(const store::Row& row) {
  return {row.integer(0),
          row.integer(1),
          row.text(2),
          row.text(3),
          token_scope_from_string(row.text(4)).value_or(TokenScope::read),
          row.text(5),
          row.optional_text(6).value_or(""),
          row.optional_text(7)};
}

std::vector<ApiToken> tokens_where(store::Database& db, const std::string& condition, std::vector<store::Value> params) {
  std::vector<ApiToken> tokens;
  for (const auto& row : db.query(std::string(token_columns) + " WHERE t.revoked_at IS NULL" + condition +
                                      " ORDER BY t.id",
                                  std::move(params)))
    tokens.push_back(token_from_row(row));
  return tokens;
}

}  // namespace

std::optional<TokenExpiryProblem> check_token_expiry(std::chrono::system_clock::time_point expires_at,
                                                     std::chrono::system_clock::time_point now) {
  if (expires_at <= now) return TokenExpiryProblem::in_the_past;
  if (expires_at > now + longest_token_lifetime) return TokenExpiryProblem::too_far;
  return std::nullopt;
}

std::string create_api_token(store::Database& db, const NewApiToken& grant, std::chrono::system_clock::time_point now) {
  // A recognisable prefix lets secret scanners spot a leaked token.
  const auto token = "att_" + random_token();
  db.execute(
      "INSERT INTO api_tokens (user_id, name, token_hash, created_at, scope, expires_at)"
      " VALUES ($1, $2, $3, $4, $5, $6)",
      {grant.user_id, grant.name.substr(0, 100), token_digest(token), utc_timestamp(now),
       std::string(to_string(grant.scope)), utc_timestamp(grant.expires_at)});
  return token;
}

std::optional<TokenHolder> api_token_holder(store::Database& db, const std::string& token,
                                            std::chrono::system_clock::time_point now) {
  if (token.size() < 10 || token.size() > 128) return std::nullopt;
  // ISO timestamps compare as text; a token without an end (none should exist) never works.
  const auto rows = db.query(
      "UPDATE api_tokens SET last_used_at = $1 WHERE token_hash = $2 AND revoked_at IS NULL AND expires_at > $1"
      " RETURNING user_id, scope",
      {utc_timestamp(now), token_digest(token)});
  if (rows.empty()) return std::nullopt;
  // An unknown scope (written by a newer version) is read as the narrowest that still reads.
  return TokenHolder{rows.front().integer(0), token_scope_from_string(rows.front().text(1)).value_or(TokenScope::read)};
}

std::vector<ApiToken> api_tokens_of(store::Database& db, std::int64_t user_id) {
  return tokens_where(db, " AND t.user_id = $1", {user_id});
}

std::vector<ApiToken> all_api_tokens(store::Database& db) { return tokens_where(db, "", {}); }

bool revoke_api_token(store::Database& db, std::int64_t user_id, std::int64_t token_id,
                      std::chrono::system_clock::time_point now) {
  return !db.query(
                "UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL"
                " RETURNING id",
                {utc_timestamp(now), token_id, user_id})
              .empty();
}

std::optional<ApiToken> revoke_any_api_token(store::Database& db, std::int64_t token_id,
                                             std::chrono::system_clock::time_point now) {
  auto found = tokens_where(db, " AND t.id = $1", {token_id});
  if (found.empty() || !revoke_api_token(db, found.front().user_id, token_id, now)) return std::nullopt;
  return found.front();
}

std::int64_t revoke_api_tokens_of(store::Database& db, std::int64_t user_id, std::chrono::system_clock::time_point now) {
  return static_cast<std::int64_t>(
      db.query("UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL RETURNING id",
               {utc_timestamp(now), user_id})
          .size());
}

}  // namespace att::auth
