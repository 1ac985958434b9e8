// A browser that has completed a sign-in to an account is remembered by a signed cookie naming
// that account. With it, the account's own lock does not apply in that browser: strangers who
// fail to sign in to the account cannot lock its owner out (see sign_in_throttle.hpp).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "store/database.hpp"

namespace att::auth {

inline constexpr std::chrono::hours device_cookie_lifetime{24 * 30};

// The key that signs device cookies: made at first use and kept in the database, so that every
// server process on that database shares it and a restart keeps the cookies valid.
std::string device_key(store::Database& db);

// "<account id>.<issued, Unix seconds>.<random device id>.<HMAC-SHA256 of the rest, hex>".
std::string issue_device_cookie(std::string_view key, std::int64_t user_id, std::chrono::system_clock::time_point now);

// The device id when `cookie` was issued with `key` for this account and is not older than its
// lifetime; nothing for a cookie of another account, a changed one or an expired one.
std::optional<std::string> verified_device(std::string_view key, std::string_view cookie, std::int64_t user_id,
                                           std::chrono::system_clock::time_point now);

}  // namespace att::auth
