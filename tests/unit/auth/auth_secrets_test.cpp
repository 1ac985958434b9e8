#include <gtest/gtest.h>
#include <sodium.h>

#include <array>
#include <cctype>
#include <set>
#include <string>
#include <string_view>

#include "auth/secrets.hpp"

namespace att::auth {
namespace {

// Argon2id at interactive limits takes a noticeable fraction of a second: hash once for the tests that only read.
const std::string& stored_hash() {
  static const std::string hash = hash_password("violet harbour tram 41");
  return hash;
}

TEST(PasswordHash, VerifiesTheRightPasswordAndNoOther) {
  EXPECT_TRUE(stored_hash().starts_with("$argon2id$v=19$")) << stored_hash();
  EXPECT_TRUE(verify_password(stored_hash(), "violet harbour tram 41"));
  EXPECT_FALSE(verify_password(stored_hash(), "violet harbour tram 42"));
  EXPECT_FALSE(verify_password(stored_hash(), "Violet harbour tram 41"));
  EXPECT_FALSE(verify_password(stored_hash(), ""));
  EXPECT_FALSE(verify_password(stored_hash(), std::string_view{})) << "an empty view may hold a null pointer";
}

TEST(PasswordHash, SaltsEachHash) {
  const std::string again = hash_password("violet harbour tram 41");
  EXPECT_NE(again, stored_hash());
  EXPECT_TRUE(verify_password(again, "violet harbour tram 41"));
}

TEST(PasswordHash, RejectsMalformedHashesWithoutThrowing) {
  const std::string& hash = stored_hash();
  std::string tampered = hash;
  tampered.back() = tampered.back() == 'A' ? 'B' : 'A';
  for (const std::string& bad :
       {std::string(), std::string("not a hash"), std::string("$argon2id$"), hash.substr(0, hash.size() - 4), tampered,
        hash + std::string(1, '\0') + "x", std::string(1000, 'a'), std::string("$2y$10$abcdefghijklmnopqrstuv")}) {
    EXPECT_FALSE(verify_password(bad, "violet harbour tram 41")) << bad;
  }
}

TEST(PasswordHash, FreshHashDoesNotNeedRehashingButOthersDo) {
  EXPECT_FALSE(password_needs_rehash(stored_hash()));
  EXPECT_TRUE(password_needs_rehash("not a hash"));
  EXPECT_TRUE(password_needs_rehash(""));
  EXPECT_TRUE(password_needs_rehash("$argon2id$v=19$m=garbage"));

  std::array<char, crypto_pwhash_STRBYTES> weak{};
  ASSERT_EQ(crypto_pwhash_str_alg(weak.data(), "pw", 2, crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN,
                                  crypto_pwhash_ALG_ARGON2ID13),
            0);
  EXPECT_TRUE(password_needs_rehash(weak.data())) << "weaker limits than today's";

  std::array<char, crypto_pwhash_STRBYTES> argon2i{};
  ASSERT_EQ(crypto_pwhash_str_alg(argon2i.data(), "pw", 2, crypto_pwhash_argon2i_OPSLIMIT_MIN,
                                  crypto_pwhash_MEMLIMIT_MIN, crypto_pwhash_ALG_ARGON2I13),
            0);
  EXPECT_TRUE(password_needs_rehash(argon2i.data())) << "another algorithm";
}

TEST(NewPassword, CountsCharactersNotBytesForTheMinimum) {
  EXPECT_EQ(check_new_password("", "a@example.org"), PasswordProblem::too_short);
  EXPECT_EQ(check_new_password("tram harbou", "a@example.org"), PasswordProblem::too_short) << "11 characters";
  EXPECT_EQ(check_new_password("tram harbour", "a@example.org"), std::nullopt) << "12 characters";
  // 11 and 12 two-byte characters: 22 and 24 bytes.
  EXPECT_EQ(check_new_password("éèêëàâäôöûü", "a@example.org"), PasswordProblem::too_short);
  EXPECT_EQ(check_new_password("éèêëàâäôöûüç", "a@example.org"), std::nullopt);
}

TEST(NewPassword, LimitsTheLengthInBytes) {
  EXPECT_EQ(check_new_password(std::string(256, 'x'), "a@example.org"), std::nullopt);
  EXPECT_EQ(check_new_password(std::string(257, 'x'), "a@example.org"), PasswordProblem::too_long);
  // 129 two-byte characters: few characters, too many bytes.
  std::string accented;
  for (int i = 0; i < 129; ++i) accented += "é";
  EXPECT_EQ(check_new_password(accented, "a@example.org"), PasswordProblem::too_long);
}

TEST(NewPassword, RefusesTheAccountsOwnAddressInAnyCase) {
  EXPECT_EQ(check_new_password("jane.doe@example.org", "jane.doe@example.org"), PasswordProblem::same_as_email);
  EXPECT_EQ(check_new_password("Jane.Doe@EXAMPLE.org", "jane.doe@example.org"), PasswordProblem::same_as_email);
  EXPECT_EQ(check_new_password("jane.doe@example.org!", "jane.doe@example.org"), std::nullopt);
  EXPECT_EQ(check_new_password("jane.doe@example.org", ""), std::nullopt);
}

TEST(NewPassword, RefusesTheMostCommonLongPasswordsInAnyCase) {
  for (const char* common : {"passwordpassword", "PasswordPassword", "123456789012", "qwertyuiopas", "QWERTY123456"}) {
    EXPECT_EQ(check_new_password(common, "a@example.org"), PasswordProblem::too_common) << common;
  }
  EXPECT_EQ(check_new_password("passwordpassword7", "a@example.org"), std::nullopt);
}

TEST(RandomToken, IsUrlSafeBase64WithoutPadding) {
  const std::string token = random_token();
  EXPECT_EQ(token.size(), 43u) << "32 bytes";
  EXPECT_EQ(token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            std::string::npos)
      << token;
  EXPECT_EQ(random_token(16).size(), 22u);
  EXPECT_EQ(random_token(3).size(), 4u);
  EXPECT_EQ(random_token(0), "");
}

TEST(RandomToken, DoesNotRepeatOverAThousandDraws) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) seen.insert(random_token());
  EXPECT_EQ(seen.size(), 1000u);
}

TEST(RandomBytes, GivesTheCountAskedFor) {
  EXPECT_EQ(random_bytes(20).size(), 20u);
  EXPECT_NE(random_bytes(20), random_bytes(20));
}

TEST(TokenDigest, IsSha256InLowerCaseHex) {
  EXPECT_EQ(token_digest("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(token_digest(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(ConstantTimeEqual, ComparesContentAndLength) {
  EXPECT_TRUE(constant_time_equal("s3cret-token", "s3cret-token"));
  EXPECT_FALSE(constant_time_equal("s3cret-token", "s3cret-tokeN"));
  EXPECT_FALSE(constant_time_equal("X3cret-token", "s3cret-token"));
  EXPECT_FALSE(constant_time_equal("s3cret", "s3cret-token"));
  EXPECT_FALSE(constant_time_equal("", "a"));
  EXPECT_TRUE(constant_time_equal("", ""));
}

bool looks_like_recovery_code(const std::string& code) {
  if (code.size() != 14 || code[4] != '-' || code[9] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 7, 8, 10, 11, 12, 13}) {
    if (std::string_view("23456789abcdefghjkmnpqrstuvwxyz").find(code[i]) == std::string_view::npos) return false;
  }
  return true;
}

TEST(RecoveryCodes, AreTenDistinctCodesInThreeGroupsOfFour) {
  const auto codes = new_recovery_codes();
  ASSERT_EQ(codes.size(), 10u);
  for (const auto& code : codes) EXPECT_TRUE(looks_like_recovery_code(code)) << code;
  EXPECT_EQ(std::set<std::string>(codes.begin(), codes.end()).size(), codes.size());
  EXPECT_EQ(new_recovery_codes(3).size(), 3u);
  EXPECT_NE(new_recovery_codes(), codes);
}

TEST(RecoveryCodes, NeverUseLookAlikeCharacters) {
  std::string all;
  for (const auto& code : new_recovery_codes(200)) all += code;
  EXPECT_EQ(all.find_first_of("01ilo"), std::string::npos);
  EXPECT_EQ(all.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), std::string::npos);
}

TEST(RecoveryCodes, NormalizeToleratesCaseSpacesAndDashes) {
  EXPECT_EQ(normalize_recovery_code("k7q2-9xmd-4hpt"), "k7q29xmd4hpt");
  EXPECT_EQ(normalize_recovery_code(" K7Q2 9XMD-4hpt "), "k7q29xmd4hpt");
  EXPECT_EQ(normalize_recovery_code("k7q29xmd4hpt"), "k7q29xmd4hpt");
  EXPECT_NE(normalize_recovery_code("k7q2-9xmd-4hpu"), "k7q29xmd4hpt");
  for (const auto& code : new_recovery_codes()) {
    std::string typed;  // as read out over the phone: upper case, spaces for dashes
    for (const char c : code) typed += c == '-' ? ' ' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    EXPECT_EQ(token_digest(normalize_recovery_code(typed)), token_digest(normalize_recovery_code(code))) << typed;
  }
}

}  // namespace
}  // namespace att::auth
