// Server-side sessions in the database, so that several server processes share them. The
// cookie holds a random token; the database holds only its digest.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace att::auth {

struct SessionLimits {
  std::chrono::minutes idle{30};
  std::chrono::hours absolute{12};
};

struct Session {
  std::string token_digest;
  std::int64_t user_id = 0;
  std::string csrf_token;
  bool second_factor_done = false;
  std::string created_at;
  std::string last_seen_at;
  std::string expires_at;
  std::string ip;
  std::string user_agent;
};

struct NewSession {
  std::string token;  // give this to the browser, once
  Session session;
};

// `now` is an ISO UTC timestamp; times are compared as text, which orders them correctly.
NewSession create_session(store::Database& db, std::int64_t user_id, bool second_factor_done, const std::string& ip,
                          const std::string& user_agent, const SessionLimits& limits,
                          std::chrono::system_clock::time_point now);
// The live session for a cookie token, touching its last-seen time; nullopt when unknown,
// idle too long or past its absolute end (and then it is deleted).
std::optional<Session> find_live_session(store::Database& db, const std::string& token, const SessionLimits& limits,
                                         std::chrono::system_clock::time_point now);
void delete_session(store::Database& db, const std::string& token_digest);
std::int64_t delete_sessions_of(store::Database& db, std::int64_t user_id);

struct RevokedCredentials {
  std::int64_t sessions = 0;
  std::int64_t api_tokens = 0;
};
// Whenever an account's credentials are reset (new password, "sign out everywhere", account
// closed), whoever held the old ones may have made a token too: every session ends and every
// API token is revoked together.
RevokedCredentials revoke_credentials_of(store::Database& db, std::int64_t user_id,
                                         std::chrono::system_clock::time_point now);
std::vector<Session> sessions_of(store::Database& db, std::int64_t user_id);

}  // namespace att::auth
