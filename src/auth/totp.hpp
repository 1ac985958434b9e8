// Time-based one-time passwords (RFC 6238) for the second factor, and the base32 their secrets are written in.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace att::auth {

// RFC 4648 base32 in upper case, padded with '=' to a multiple of 8 characters unless `padding` is false.
std::string base32_encode(std::span<const std::uint8_t> bytes, bool padding = true);
// Accepts lower case, spaces and missing padding, as people copy and type secrets. Nothing for any other
// character, a '=' before the end, padding to other than a multiple of 8, or a length no encoding produces.
std::optional<std::vector<std::uint8_t>> base32_decode(std::string_view text);

// What authenticator apps assume when not told otherwise, so the only settings we use.
inline constexpr std::int64_t totp_period_seconds = 30;
inline constexpr int totp_digits = 6;

enum class TotpHash { sha1, sha256, sha512 };

// 20 random bytes (the HMAC-SHA1 block RFC 4226 recommends) in base32 without padding.
std::string new_totp_secret();

// The 30-second step a time falls in; the number verify_totp returns and callers store as the last used step.
std::int64_t totp_step(std::int64_t unix_seconds);

// The 6-digit HMAC-SHA1 code for the time. Empty when the secret is not valid base32 or decodes to nothing.
std::string totp_code(std::string_view secret_base32, std::int64_t unix_seconds);
// The general form, so the RFC 6238 test vectors (8 digits, three hashes) can be checked. `digits` is 6..8;
// the result is empty for any other count.
std::string totp_code(std::span<const std::uint8_t> key, std::int64_t unix_seconds, int digits, TotpHash hash);

// The step whose code `code` is, searching the current step +-`window` (for clocks that drift and codes typed
// slowly), or nothing. Steps up to and including `last_used_step` are refused so that a code, once accepted,
// cannot be replayed: store the returned step and pass it next time (-1 when none was ever used). The code
// must be exactly 6 ASCII digits once spaces are removed.
std::optional<std::int64_t> verify_totp(std::string_view secret_base32, std::string_view code,
                                        std::int64_t unix_seconds, std::int64_t last_used_step, int window = 1);

// The otpauth:// URI authenticator apps read from the set-up QR code (Google's Key URI format).
std::string otpauth_uri(std::string_view issuer, std::string_view account, std::string_view secret_base32);

}  // namespace att::auth
