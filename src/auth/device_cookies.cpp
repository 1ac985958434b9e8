#include "auth/device_cookies.hpp"

#include <sodium.h>

#include <array>
#include <charconv>
#include <stdexcept>
#include <vector>

#include "auth/secrets.hpp"
#include "core/date.hpp"
#include "core/timestamp.hpp"

namespace att::auth {

namespace {

constexpr const char* key_name = "device_cookie";

std::int64_t unix_seconds(std::chrono::system_clock::time_point at) {
  return std::chrono::duration_cast<std::chrono::seconds>(at.time_since_epoch()).count();
}

std::string hex(const unsigned char* bytes, std::size_t size) {
  std::vector<char> text(size * 2 + 1);
  sodium_bin2hex(text.data(), text.size(), bytes, size);
  return std::string(text.data());
}

// HMAC-SHA256 of `message` under the hex key, in hex.
std::string mac(std::string_view key_hex, std::string_view message) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
  std::array<unsigned char, crypto_auth_hmacsha256_KEYBYTES> key{};
  std::size_t key_size = 0;
  if (sodium_hex2bin(key.data(), key.size(), key_hex.data(), key_hex.size(), nullptr, &key_size, nullptr) != 0 ||
      key_size != key.size())
    throw std::runtime_error("the device cookie key is not 32 bytes in hex");
  std::array<unsigned char, crypto_auth_hmacsha256_BYTES> out{};
  crypto_auth_hmacsha256(out.data(), reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                         key.data());
  return hex(out.data(), out.size());
}

std::optional<std::int64_t> number(std::string_view text) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

}  // namespace

std::string device_key(store::Database& db) {
  const auto select = [&] { return db.query("SELECT secret FROM server_keys WHERE name = $1", {key_name}); };
  if (auto rows = select(); !rows.empty()) return rows.front().text(0);
  const auto fresh = random_bytes(crypto_auth_hmacsha256_KEYBYTES);
  // Two processes may get here together: the first key written wins and both read it back.
  db.execute("INSERT INTO server_keys (name, secret, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING",
             {key_name, hex(fresh.data(), fresh.size()), Timestamp::now().iso()});
  return select().at(0).text(0);
}

std::string issue_device_cookie(std::string_view key, std::int64_t user_id, std::chrono::system_clock::time_point now) {
  const auto signed_part = std::to_string(user_id) + "." + std::to_string(unix_seconds(now)) + "." + random_token(16);
  return signed_part + "." + mac(key, signed_part);
}

std::optional<std::string> verified_device(std::string_view key, std::string_view cookie, std::int64_t user_id,
                                           std::chrono::system_clock::time_point now) {
  const auto last_dot = cookie.rfind('.');
  if (last_dot == std::string_view::npos || cookie.size() > 200) return std::nullopt;
  const auto signed_part = cookie.substr(0, last_dot);
  if (!constant_time_equal(cookie.substr(last_dot + 1), mac(key, signed_part))) return std::nullopt;
  // Signed by this server: the parts are as it wrote them.
  const auto first = signed_part.find('.');
  const auto second = signed_part.find('.', first + 1);
  if (first == std::string_view::npos || second == std::string_view::npos) return std::nullopt;
  const auto owner = number(signed_part.substr(0, first));
  const auto issued = number(signed_part.substr(first + 1, second - first - 1));
  if (!owner || *owner != user_id || !issued) return std::nullopt;
  const auto age = std::chrono::seconds(unix_seconds(now) - *issued);
  if (age < std::chrono::seconds(-300) || age > device_cookie_lifetime) return std::nullopt;
  return std::string(signed_part.substr(second + 1));
}

}  // namespace att::auth
