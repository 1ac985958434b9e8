#include "auth/sessions_store.hpp"

#include "auth/api_tokens.hpp"
#include "auth/secrets.hpp"
#include "core/date.hpp"

namespace att::auth {

namespace {

Session from_row(const store::Row& row) {
  return {row.text(0), row.integer(1), row.text(2), row.integer(3) != 0, row.text(4),
          row.text(5), row.text(6),    row.text(7), row.text(8)};
}

constexpr const char* session_columns =
    "SELECT token_hash, user_id, csrf_token, second_factor_done, created_at, last_seen_at, expires_at, ip, user_agent"
    " FROM sessions";

}  // namespace

NewSession create_session(store::Database& db, std::int64_t user_id, bool second_factor_done, const std::string& ip,
                          const std::string& user_agent, const SessionLimits& limits,
                          std::chrono::system_clock::time_point now) {
  NewSession created;
  created.token = random_token();
  auto& s = created.session;
  s.token_digest = token_digest(created.token);
  s.user_id = user_id;
  s.csrf_token = random_token();
  s.second_factor_done = second_factor_done;
  s.created_at = s.last_seen_at = utc_timestamp(now);
  s.expires_at = utc_timestamp(now + limits.absolute);
  s.ip = ip.substr(0, 64);
  s.user_agent = user_agent.substr(0, 200);
  db.execute(
      "INSERT INTO sessions (token_hash, user_id, csrf_token, second_factor_done, created_at, last_seen_at,"
      " expires_at, ip, user_agent) VALUES ($1, $2, $3, $4, $5, $5, $6, $7, $8)",
      {s.token_digest, user_id, s.csrf_token, std::int64_t{second_factor_done ? 1 : 0}, s.created_at, s.expires_at,
       s.ip, s.user_agent});
  return created;
}

std::optional<Session> find_live_session(store::Database& db, const std::string& token, const SessionLimits& limits,
                                         std::chrono::system_clock::time_point now) {
  if (token.empty() || token.size() > 128) return std::nullopt;
  const auto digest = token_digest(token);
  const auto rows = db.query(std::string(session_columns) + " WHERE token_hash = $1", {digest});
  if (rows.empty()) return std::nullopt;
  auto session = from_row(rows.front());
  const auto now_text = utc_timestamp(now);
  if (session.expires_at <= now_text || session.last_seen_at <= utc_timestamp(now - limits.idle)) {
    delete_session(db, digest);
    return std::nullopt;
  }
  // Touch at most once a minute: a page with several requests writes once.
  if (session.last_seen_at < utc_timestamp(now - std::chrono::minutes(1))) {
    db.execute("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2", {now_text, digest});
    session.last_seen_at = now_text;
  }
  return session;
}

void delete_session(store::Database& db, const std::string& token_digest_value) {
  db.execute("DELETE FROM sessions WHERE token_hash = $1", {token_digest_value});
}

std::int64_t delete_sessions_of(store::Database& db, std::int64_t user_id) {
  return static_cast<std::int64_t>(db.query("DELETE FROM sessions WHERE user_id = $1 RETURNING user_id", {user_id}).size());
}

RevokedCredentials revoke_credentials_of(store::Database& db, std::int64_t user_id,
                                         std::chrono::system_clock::time_point now) {
  return {delete_sessions_of(db, user_id), revoke_api_tokens_of(db, user_id, now)};
}

std::vector<Session> sessions_of(store::Database& db, std::int64_t user_id) {
  std::vector<Session> sessions;
  for (const auto& row : db.query(std::string(session_columns) + " WHERE user_id = $1 ORDER BY last_seen_at DESC",
                                  {user_id}))
    sessions.push_back(from_row(row));
  return sessions;
}

}  // namespace att::auth
