#include "auth/secrets.hpp"

#include <openssl/evp.h>
#include <sodium.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace att::auth {

namespace {

void ensure_sodium() {
  // Without a working libsodium there is no safe randomness; libsodium itself aborts in that case too, so
  // carrying on (or throwing through functions documented not to throw) would be worse.
  [[maybe_unused]] static const bool ready = [] {
    if (sodium_init() < 0) {
      std::fputs("att: libsodium could not be initialised\n", stderr);
      std::abort();
    }
    return true;
  }();
}

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string ascii_lowered(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), ascii_lower);
  return out;
}

// libsodium declares its pointers non-null even for empty input, and an empty string_view may hold a null one.
const char* non_null(std::string_view text) { return text.empty() ? "" : text.data(); }

std::size_t utf8_code_points(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;  // continuation bytes do not start a character
  }));
}

// Long enough to pass the length rule and near the top of every leaked-password list, plus the site's own name.
constexpr std::array<std::string_view, 22> common_passwords{
    "123456789012", "1234567890123", "12345678901234", "123456789123",     "123123123123", "111111111111",
    "000000000000", "aaaaaaaaaaaa",  "abcdefghijkl",   "passwordpassword", "password1234", "password123456",
    "qwertyuiopas", "qwerty123456",  "qwertyuiop123",  "1q2w3e4r5t6y",     "1qaz2wsx3edc", "iloveyou1234",
    "welcome12345", "letmein12345",  "changeme1234",   "armstradetreaty",
};

// Digits and lower-case letters without 0, 1, i, l, o, which are easily misread or mistyped for each other.
constexpr std::string_view recovery_alphabet = "23456789abcdefghjkmnpqrstuvwxyz";
constexpr std::size_t recovery_groups = 3;
constexpr std::size_t recovery_group_length = 4;

std::string new_recovery_code() {
  ensure_sodium();
  std::string code;
  for (std::size_t group = 0; group < recovery_groups; ++group) {
    if (group > 0) code += '-';
    for (std::size_t i = 0; i < recovery_group_length; ++i) {
      code += recovery_alphabet[randombytes_uniform(static_cast<std::uint32_t>(recovery_alphabet.size()))];
    }
  }
  return code;
}

}  // namespace

std::string hash_password(std::string_view password) {
  ensure_sodium();
  std::array<char, crypto_pwhash_STRBYTES> hash{};
  if (crypto_pwhash_str_alg(hash.data(), non_null(password), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("out of memory while hashing a password");
  }
  return std::string(hash.data());
}

bool verify_password(std::string_view stored_hash, std::string_view password) {
  ensure_sodium();
  // libsodium reads the hash as a C string in a buffer of crypto_pwhash_STRBYTES: copy it into one so that a
  // hash without a terminator, too long, or with an embedded NUL can never make it read out of bounds.
  std::array<char, crypto_pwhash_STRBYTES> hash{};
  if (stored_hash.size() >= hash.size() || stored_hash.find('\0') != std::string_view::npos) return false;
  std::copy(stored_hash.begin(), stored_hash.end(), hash.begin());
  return crypto_pwhash_str_verify(hash.data(), non_null(password), password.size()) == 0;
}

bool password_needs_rehash(std::string_view stored_hash) {
  ensure_sodium();
  // libsodium judges only the limits, so an argon2i hash with today's limits would pass: check the algorithm.
  if (!stored_hash.starts_with(crypto_pwhash_argon2id_STRPREFIX)) return true;
  std::array<char, crypto_pwhash_STRBYTES> hash{};
  if (stored_hash.size() >= hash.size() || stored_hash.find('\0') != std::string_view::npos) return true;
  std::copy(stored_hash.begin(), stored_hash.end(), hash.begin());
  return crypto_pwhash_str_needs_rehash(hash.data(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0;
}

std::optional<PasswordProblem> check_new_password(std::string_view password, std::string_view email) {
  if (password.size() > max_password_bytes) return PasswordProblem::too_long;
  if (utf8_code_points(password) < min_password_code_points) return PasswordProblem::too_short;
  const std::string lowered = ascii_lowered(password);
  if (!email.empty() && lowered == ascii_lowered(email)) return PasswordProblem::same_as_email;
  if (std::find(common_passwords.begin(), common_passwords.end(), lowered) != common_passwords.end()) {
    return PasswordProblem::too_common;
  }
  return std::nullopt;
}

std::vector<std::uint8_t> random_bytes(std::size_t count) {
  ensure_sodium();
  std::vector<std::uint8_t> bytes(count);
  if (!bytes.empty()) randombytes_buf(bytes.data(), bytes.size());
  return bytes;
}

std::string random_token(std::size_t bytes) {
  const auto raw = random_bytes(bytes);
  constexpr int variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::string encoded(sodium_base64_ENCODED_LEN(raw.size(), variant), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(), raw.data(), raw.size(), variant);
  encoded.resize(encoded.find('\0'));  // the encoded length counts the terminator
  return encoded;
}

// SHA-256 through libcrypto rather than libsodium: it uses the processor's SHA instructions
// where there are some (about 1.8 GB/s here, several times libsodium's portable code), which
// matters when whole reports of a million lines are hashed.
std::string token_digest(std::string_view token) {
  ensure_sodium();
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  unsigned int length = 0;
  if (EVP_Digest(token.data(), token.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1 ||
      length != digest.size())
    throw std::runtime_error("SHA-256 failed");
  std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  return std::string(hex.data());
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  ensure_sodium();
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::vector<std::string> new_recovery_codes(std::size_t count) {
  std::vector<std::string> codes;
  codes.reserve(count);
  while (codes.size() < count) {
    // A repeat is all but impossible (59 bits each), but a user must never be given the same code twice.
    auto code = new_recovery_code();
    if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(std::move(code));
  }
  return codes;
}

std::string normalize_recovery_code(std::string_view typed) {
  std::string out;
  out.reserve(typed.size());
  for (const char c : typed) {
    if (c == ' ' || c == '-' || c == '\t') continue;
    out += ascii_lower(c);
  }
  return out;
}

}  // namespace att::auth
