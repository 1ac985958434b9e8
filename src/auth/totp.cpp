#include "auth/totp.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <array>

#include "auth/secrets.hpp"

namespace att::auth {

namespace {

constexpr std::string_view base32_alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
constexpr std::size_t totp_secret_bytes = 20;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::optional<std::uint8_t> base32_value(char c) {
  if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  const auto at = base32_alphabet.find(c);
  if (at == std::string_view::npos) return std::nullopt;
  return static_cast<std::uint8_t>(at);
}

const EVP_MD* digest_of(TotpHash hash) {
  switch (hash) {
    case TotpHash::sha1: return EVP_sha1();
    case TotpHash::sha256: return EVP_sha256();
    case TotpHash::sha512: return EVP_sha512();
  }
  return nullptr;
}

// RFC 4226 HOTP: HMAC of the big-endian counter, dynamically truncated to 31 bits, the low `digits` decimals.
std::string hotp(std::span<const std::uint8_t> key, std::uint64_t counter, int digits, TotpHash hash) {
  std::array<unsigned char, 8> message{};
  for (int i = 7; i >= 0; --i) {
    message[static_cast<std::size_t>(i)] = static_cast<unsigned char>(counter & 0xFF);
    counter >>= 8;
  }
  // OpenSSL may refuse a null key pointer even with length 0.
  static const std::uint8_t no_key = 0;
  const std::uint8_t* key_data = key.empty() ? &no_key : key.data();
  std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
  unsigned int mac_length = 0;
  if (HMAC(digest_of(hash), key_data, static_cast<int>(key.size()), message.data(), message.size(), mac.data(),
           &mac_length) == nullptr ||
      mac_length < 20) {
    return {};
  }
  const std::size_t offset = mac[mac_length - 1] & 0x0F;
  const std::uint32_t truncated =
      (static_cast<std::uint32_t>(mac[offset] & 0x7F) << 24) | (static_cast<std::uint32_t>(mac[offset + 1]) << 16) |
      (static_cast<std::uint32_t>(mac[offset + 2]) << 8) | static_cast<std::uint32_t>(mac[offset + 3]);
  std::uint32_t modulus = 1;
  for (int i = 0; i < digits; ++i) modulus *= 10;
  std::string code = std::to_string(truncated % modulus);
  code.insert(0, static_cast<std::size_t>(digits) - code.size(), '0');
  return code;
}

std::string percent_encoded(std::string_view text) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                            c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out += c;
    } else {
      // %20 rather than '+' for spaces: the URI format asks for it and some apps show a literal '+'.
      out += '%';
      out += hex[byte >> 4];
      out += hex[byte & 0x0F];
    }
  }
  return out;
}

}  // namespace

std::string base32_encode(std::span<const std::uint8_t> bytes, bool padding) {
  std::string out;
  out.reserve((bytes.size() + 4) / 5 * 8);
  std::uint32_t buffer = 0;
  int bits = 0;
  for (const std::uint8_t byte : bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += base32_alphabet[(buffer >> bits) & 0x1F];
    }
  }
  if (bits > 0) out += base32_alphabet[(buffer << (5 - bits)) & 0x1F];
  if (padding) {
    while (out.size() % 8 != 0) out += '=';
  }
  return out;
}

std::optional<std::vector<std::uint8_t>> base32_decode(std::string_view text) {
  std::vector<std::uint8_t> out;
  std::uint32_t buffer = 0;
  int bits = 0;
  std::size_t symbols = 0;
  std::size_t pads = 0;
  for (const char c : text) {
    if (is_space(c)) continue;
    if (c == '=') {
      ++pads;
      continue;
    }
    if (pads > 0) return std::nullopt;  // data after padding
    const auto value = base32_value(c);
    if (!value) return std::nullopt;
    ++symbols;
    buffer = (buffer << 5) | *value;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<std::uint8_t>((buffer >> bits) & 0xFF));
    }
  }
  // A final group of 1, 3 or 6 symbols holds no whole number of bytes: no encoder writes one.
  const std::size_t tail = symbols % 8;
  if (tail == 1 || tail == 3 || tail == 6) return std::nullopt;
  if (pads > 0 && (symbols + pads) % 8 != 0) return std::nullopt;
  return out;
}

std::string new_totp_secret() { return base32_encode(random_bytes(totp_secret_bytes), false); }

std::int64_t totp_step(std::int64_t unix_seconds) {
  // Floor, not truncation, so that the steps stay 30 seconds wide either side of the epoch.
  const std::int64_t quotient = unix_seconds / totp_period_seconds;
  return (unix_seconds % totp_period_seconds < 0) ? quotient - 1 : quotient;
}

std::string totp_code(std::string_view secret_base32, std::int64_t unix_seconds) {
  const auto key = base32_decode(secret_base32);
  if (!key || key->empty()) return {};
  return totp_code(*key, unix_seconds, totp_digits, TotpHash::sha1);
}

std::string totp_code(std::span<const std::uint8_t> key, std::int64_t unix_seconds, int digits, TotpHash hash) {
  if (digits < 6 || digits > 8) return {};
  return hotp(key, static_cast<std::uint64_t>(totp_step(unix_seconds)), digits, hash);
}

std::optional<std::int64_t> verify_totp(std::string_view secret_base32, std::string_view code,
                                        std::int64_t unix_seconds, std::int64_t last_used_step, int window) {
  std::string typed;
  for (const char c : code) {
    if (!is_space(c)) typed += c;
  }
  if (typed.size() != static_cast<std::size_t>(totp_digits) ||
      !std::all_of(typed.begin(), typed.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  const auto key = base32_decode(secret_base32);
  if (!key || key->empty()) return std::nullopt;

  const std::int64_t now = totp_step(unix_seconds);
  const std::int64_t reach = std::max(window, 0);
  for (std::int64_t step = now - reach; step <= now + reach; ++step) {
    if (step < 0 || step <= last_used_step) continue;
    const std::string expected = hotp(*key, static_cast<std::uint64_t>(step), totp_digits, TotpHash::sha1);
    if (!expected.empty() && constant_time_equal(expected, typed)) return step;
  }
  return std::nullopt;
}

std::string otpauth_uri(std::string_view issuer, std::string_view account, std::string_view secret_base32) {
  // Apps want the secret unpadded, upper case and unspaced, whatever form it was kept in.
  std::string secret;
  for (const char c : secret_base32) {
    if (is_space(c) || c == '=') continue;
    secret += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  std::string uri = "otpauth://totp/";
  if (!issuer.empty()) uri += percent_encoded(issuer) + ":";
  uri += percent_encoded(account);
  uri += "?secret=" + percent_encoded(secret);
  // The issuer goes in the label for older apps and in the parameter for newer ones, which prefer it.
  if (!issuer.empty()) uri += "&issuer=" + percent_encoded(issuer);
  uri += "&algorithm=SHA1&digits=" + std::to_string(totp_digits) + "&period=" + std::to_string(totp_period_seconds);
  return uri;
}

}  // namespace att::auth
