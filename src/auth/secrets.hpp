// Password hashing and rules, random tokens and recovery codes: every secret an account holds, via libsodium.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace att::auth {

inline constexpr std::size_t min_password_code_points = 12;
// Argon2 hashes any length, but the server should not be made to: a guard against huge inputs.
inline constexpr std::size_t max_password_bytes = 256;

// Argon2id, libsodium's "interactive" limits, in the self-describing PHC string form ($argon2id$v=19$...).
// Throws std::runtime_error only when the memory for the hash cannot be had.
std::string hash_password(std::string_view password);
// False for a wrong password and for a stored hash that is not one libsodium understands. Never throws.
bool verify_password(std::string_view stored_hash, std::string_view password);
// True when the hash was made with another algorithm or weaker limits than hash_password uses today, so the
// caller should rehash the password it has just verified. Also true for a malformed hash.
bool password_needs_rehash(std::string_view stored_hash);

enum class PasswordProblem {
  too_short,      // fewer than min_password_code_points characters
  too_long,       // more than max_password_bytes bytes
  same_as_email,  // the account's own address, in any case
  too_common,     // on the built-in list of the most used long passwords
};

// Why a new password is refused, or nothing when it is acceptable. Input is UTF-8.
std::optional<PasswordProblem> check_new_password(std::string_view password, std::string_view email);

// Cryptographically random bytes; the one source of randomness for the auth code.
std::vector<std::uint8_t> random_bytes(std::size_t count);
// `bytes` random bytes as URL-safe base64 without padding: fits in cookies, URLs and headers unescaped.
std::string random_token(std::size_t bytes = 32);
// SHA-256 in lower-case hex. Tokens are stored only as digests so that a leaked database holds no live token;
// the tokens are random and long, so no salt or slow hash is needed.
std::string token_digest(std::string_view token);
// Compares in time that depends only on the length; lengths are not secret.
bool constant_time_equal(std::string_view a, std::string_view b);

// `count` distinct one-time codes like "k7q2-9xmd-4hpt", from an alphabet without 0/o, 1/l/i look-alikes.
std::vector<std::string> new_recovery_codes(std::size_t count = 10);
// "K7Q2 9XMD-4hpt" -> "k7q29xmd4hpt": what is stored (as token_digest) and compared, so users may type loosely.
std::string normalize_recovery_code(std::string_view typed);

}  // namespace att::auth
