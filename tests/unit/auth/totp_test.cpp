#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "auth/qr_code.hpp"
#include "auth/totp.hpp"
#include "test_data.hpp"

namespace att::auth {
namespace {

std::vector<std::uint8_t> bytes(std::string_view text) { return {text.begin(), text.end()}; }

// RFC 6238 appendix B: the seed is "12345678901234567890" repeated to the length of each hash's block.
std::vector<std::uint8_t> rfc_key(TotpHash hash) {
  switch (hash) {
    case TotpHash::sha1: return bytes("12345678901234567890");
    case TotpHash::sha256: return bytes("12345678901234567890123456789012");
    case TotpHash::sha512: return bytes("1234567890123456789012345678901234567890123456789012345678901234");
  }
  return {};
}

std::optional<TotpHash> hash_named(std::string_view mode) {
  if (mode == "SHA1") return TotpHash::sha1;
  if (mode == "SHA256") return TotpHash::sha256;
  if (mode == "SHA512") return TotpHash::sha512;
  return std::nullopt;
}

// "12345678901234567890" in base32: the RFC's SHA-1 seed as a user would hold it.
constexpr std::string_view rfc_secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

TEST(Totp, MatchesEveryRfc6238TestVector) {
  const auto cases = testing::read_cases("totp_rfc6238.csv");
  ASSERT_EQ(cases.rows().size(), 18u) << "six times for each of three hashes";
  for (const auto& row : cases.rows()) {
    const auto hash = hash_named(cases.field(row, "mode"));
    ASSERT_TRUE(hash) << "line " << row.line << ": mode " << cases.field(row, "mode");
    const std::int64_t time = std::stoll(std::string(cases.field(row, "time")));
    EXPECT_EQ(totp_code(rfc_key(*hash), time, 8, *hash), cases.field(row, "expected")) << "line " << row.line;
  }
}

TEST(Totp, SixDigitCodeFromBase32SecretIsTheLowDigitsOfTheRfcCode) {
  EXPECT_EQ(totp_code(rfc_secret, 59), "287082");
  EXPECT_EQ(totp_code(rfc_secret, 1111111109), "081804") << "leading zeros are kept";
  EXPECT_EQ(totp_code("gezd gnbv gy3t qojq gezd gnbv gy3t qojq", 1234567890), "005924");
}

TEST(Totp, CodeIsTheSameThroughoutAStepAndChangesAtItsEdge) {
  EXPECT_EQ(totp_code(rfc_secret, 1111111110), totp_code(rfc_secret, 1111111139));
  EXPECT_NE(totp_code(rfc_secret, 1111111139), totp_code(rfc_secret, 1111111140));
  EXPECT_EQ(totp_step(59), 1);
  EXPECT_EQ(totp_step(60), 2);
  EXPECT_EQ(totp_step(0), 0);
  EXPECT_EQ(totp_step(-1), -1) << "floor, so the step before the epoch is 30 seconds wide too";
}

TEST(Totp, RefusesWhatItCannotComputeWithEmptyCodes) {
  EXPECT_EQ(totp_code("not base32!", 59), "");
  EXPECT_EQ(totp_code("", 59), "");
  EXPECT_EQ(totp_code(rfc_key(TotpHash::sha1), 59, 5, TotpHash::sha1), "");
  EXPECT_EQ(totp_code(rfc_key(TotpHash::sha1), 59, 9, TotpHash::sha1), "");
}

TEST(Totp, NewSecretsAre20RandomBytesInUnpaddedBase32) {
  std::set<std::string> seen;
  for (int i = 0; i < 50; ++i) {
    const std::string secret = new_totp_secret();
    EXPECT_EQ(secret.size(), 32u) << secret;
    const auto key = base32_decode(secret);
    ASSERT_TRUE(key) << secret;
    EXPECT_EQ(key->size(), 20u);
    seen.insert(secret);
  }
  EXPECT_EQ(seen.size(), 50u);
}

constexpr std::int64_t now = 1111111109;  // in step 37037036

TEST(VerifyTotp, AcceptsTheCurrentStepAndOneEitherSideWithWindowOne) {
  const std::int64_t step = totp_step(now);
  EXPECT_EQ(verify_totp(rfc_secret, totp_code(rfc_secret, now), now, -1), step);
  EXPECT_EQ(verify_totp(rfc_secret, totp_code(rfc_secret, now - 30), now, -1), step - 1);
  EXPECT_EQ(verify_totp(rfc_secret, totp_code(rfc_secret, now + 30), now, -1), step + 1);
}

TEST(VerifyTotp, RejectsStepsOutsideTheWindow) {
  EXPECT_FALSE(verify_totp(rfc_secret, totp_code(rfc_secret, now - 60), now, -1));
  EXPECT_FALSE(verify_totp(rfc_secret, totp_code(rfc_secret, now + 60), now, -1));
  EXPECT_FALSE(verify_totp(rfc_secret, totp_code(rfc_secret, now - 30), now, -1, 0));
  // The same codes pass with a wider window: they were refused for their step, not for being wrong.
  EXPECT_EQ(verify_totp(rfc_secret, totp_code(rfc_secret, now - 60), now, -1, 2), totp_step(now) - 2);
  EXPECT_EQ(verify_totp(rfc_secret, totp_code(rfc_secret, now + 60), now, -1, 2), totp_step(now) + 2);
}

TEST(VerifyTotp, RefusesACodeReplayedOrOlderThanTheLastOneUsed) {
  const std::string code = totp_code(rfc_secret, now);
  const auto step = verify_totp(rfc_secret, code, now, -1);
  ASSERT_TRUE(step);
  EXPECT_FALSE(verify_totp(rfc_secret, code, now, *step)) << "the same code a second time";
  EXPECT_FALSE(verify_totp(rfc_secret, code, now + 10, *step)) << "still within its step, later";
  EXPECT_FALSE(verify_totp(rfc_secret, totp_code(rfc_secret, now - 30), now, *step)) << "an older code in the window";
  EXPECT_EQ(verify_totp(rfc_secret, totp_code(rfc_secret, now + 30), now + 30, *step), *step + 1);
}

TEST(VerifyTotp, RejectsCodesThatAreNotSixDigits) {
  const std::string good = totp_code(rfc_secret, now);
  for (const std::string& bad :
       {std::string("12345"), std::string("1234567"), std::string("12a456"), std::string(""), std::string("      "),
        good.substr(0, 5), good + "0", "-" + good.substr(1), "\xEF\xBC\x91" + good.substr(1)}) {
    EXPECT_FALSE(verify_totp(rfc_secret, bad, now, -1)) << "'" << bad << "'";
  }
}

TEST(VerifyTotp, IgnoresSpacesInTheTypedCode) {
  const std::string good = totp_code(rfc_secret, now);
  EXPECT_TRUE(verify_totp(rfc_secret, good.substr(0, 3) + " " + good.substr(3), now, -1));
  EXPECT_TRUE(verify_totp(rfc_secret, " " + good + " ", now, -1));
}

TEST(VerifyTotp, RejectsEverythingForAnInvalidSecret) {
  EXPECT_FALSE(verify_totp("not base32!", totp_code(rfc_secret, now), now, -1));
  EXPECT_FALSE(verify_totp("", "000000", now, -1));
}

TEST(Base32, EncodesTheRfc4648TestVectors) {
  const std::vector<std::pair<std::string, std::string>> vectors{
      {"", ""},
      {"f", "MY======"},
      {"fo", "MZXQ===="},
      {"foo", "MZXW6==="},
      {"foob", "MZXW6YQ="},
      {"fooba", "MZXW6YTB"},
      {"foobar", "MZXW6YTBOI======"},
  };
  for (const auto& [plain, encoded] : vectors) {
    EXPECT_EQ(base32_encode(bytes(plain)), encoded) << plain;
    EXPECT_EQ(base32_decode(encoded), bytes(plain)) << encoded;
  }
  EXPECT_EQ(base32_encode(bytes("foobar"), false), "MZXW6YTBOI");
}

TEST(Base32, DecodesLowerCaseSpacesAndMissingPadding) {
  EXPECT_EQ(base32_decode("mzxw6ytboi"), bytes("foobar"));
  EXPECT_EQ(base32_decode("MZXW 6YTB OI"), bytes("foobar"));
  EXPECT_EQ(base32_decode(" my "), bytes("f"));
  EXPECT_EQ(base32_decode("mzXW6yq="), bytes("foob"));
}

TEST(Base32, RejectsWhatNoEncoderWrites) {
  for (const char* bad : {"MZXW1", "MZXW8", "MZ@W", "MZXW6YTBO!", "MY=X", "MY=", "MY=======X", "M", "MZX", "MZXW6Y",
                          "MZXW6YTBO", "MZXW6===MY======"}) {
    EXPECT_FALSE(base32_decode(bad)) << bad;
  }
}

TEST(Base32, RoundTripsEveryLengthAndByteValue) {
  for (std::size_t length = 0; length <= 40; ++length) {
    std::vector<std::uint8_t> data(length);
    for (std::size_t i = 0; i < length; ++i) data[i] = static_cast<std::uint8_t>(i * 37 + length * 11 + 255);
    EXPECT_EQ(base32_decode(base32_encode(data)), data) << length;
    EXPECT_EQ(base32_decode(base32_encode(data, false)), data) << length;
  }
  std::vector<std::uint8_t> all(256);
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = static_cast<std::uint8_t>(i);
  EXPECT_EQ(base32_decode(base32_encode(all)), all);
}

TEST(OtpauthUri, FollowsTheKeyUriFormatWithEncodedLabelAndIssuer) {
  EXPECT_EQ(otpauth_uri("ATT Secretariat", "jane.doe@example.org", "jbsw y3dp ehpk 3pxp"),
            "otpauth://totp/ATT%20Secretariat:jane.doe%40example.org?secret=JBSWY3DPEHPK3PXP"
            "&issuer=ATT%20Secretariat&algorithm=SHA1&digits=6&period=30");
}

TEST(OtpauthUri, EncodesCharactersThatWouldBreakTheUri) {
  const std::string uri = otpauth_uri("A&B:C", "x?y#z/é", "MZXW6YTBOI======");
  EXPECT_EQ(uri,
            "otpauth://totp/A%26B%3AC:x%3Fy%23z%2F%C3%A9?secret=MZXW6YTBOI&issuer=A%26B%3AC"
            "&algorithm=SHA1&digits=6&period=30");
}

// Each run of dark modules is drawn as "M<x> <y>h<n>v1h-<n>z".
struct ModuleRun {
  int x, y, length;
};

std::vector<ModuleRun> dark_runs(const std::string& svg) {
  std::vector<ModuleRun> runs;
  const auto start = svg.find(" d=\"");
  if (start == std::string::npos) return runs;
  const char* p = svg.c_str() + start + 4;
  ModuleRun run{};
  int consumed = 0;
  int back = 0;
  while (std::sscanf(p, "M%d %dh%dv1h-%dz%n", &run.x, &run.y, &run.length, &back, &consumed) == 4) {
    if (back != run.length) break;
    runs.push_back(run);
    p += consumed;
  }
  return runs;
}

TEST(QrSvg, IsASelfContainedSvgWithOnePathOfDarkModules) {
  const std::string svg = qr_svg("hello");
  ASSERT_TRUE(svg.starts_with("<svg")) << svg;
  EXPECT_TRUE(svg.ends_with("</svg>"));
  EXPECT_NE(svg.find("viewBox=\"0 0 29 29\""), std::string::npos) << "version 1 (21 modules) plus two quiet zones of 4";
  EXPECT_NE(svg.find("shape-rendering=\"crispEdges\""), std::string::npos);
  const auto path = svg.find("<path");
  ASSERT_NE(path, std::string::npos);
  EXPECT_EQ(svg.find("<path", path + 1), std::string::npos) << "one path";
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_EQ(svg.find("href"), std::string::npos);
  EXPECT_EQ(svg.find("url("), std::string::npos);
}

TEST(QrSvg, DrawsFinderPatternsInsideTheQuietZone) {
  const auto runs = dark_runs(qr_svg("hello"));
  ASSERT_GT(runs.size(), 20u);
  for (const ModuleRun& run : runs) {
    EXPECT_GE(run.x, 4);
    EXPECT_GE(run.y, 4);
    EXPECT_LE(run.x + run.length, 25) << "nothing drawn in the right quiet zone";
    EXPECT_LT(run.y, 25) << "nothing drawn in the bottom quiet zone";
  }
  // The top rows of the top-left and top-right finder patterns: seven dark modules each.
  EXPECT_EQ(runs[0].x, 4);
  EXPECT_EQ(runs[0].y, 4);
  EXPECT_EQ(runs[0].length, 7);
  EXPECT_TRUE(std::any_of(runs.begin(), runs.end(),
                          [](const ModuleRun& run) { return run.x == 18 && run.y == 4 && run.length == 7; }));
  EXPECT_EQ(runs.back().y, 24) << "the bottom row of the bottom-left finder pattern";
}

// The 15-bit format word of a level-M code with the given mask (ISO/IEC 18004 annex C).
int level_m_format_word(int mask) {
  const int data = (0b00 << 3) | mask;  // level M is 00
  int remainder = data << 10;
  for (int bit = 14; bit >= 10; --bit) {
    if ((remainder >> bit) & 1) remainder ^= 0x537 << (bit - 10);
  }
  return ((data << 10) | remainder) ^ 0x5412;
}

TEST(QrSvg, CarriesLevelMFormatInformationTheRightWayRound) {
  // Finder and timing patterns look the same transposed; the format bits beside the top-left finder do not, so
  // reading a valid level-M word there shows rows and columns are not swapped (a mirrored, unreadable code).
  const auto runs = dark_runs(qr_svg("hello"));
  std::vector<std::vector<int>> dark(21, std::vector<int>(21, 0));
  for (const ModuleRun& run : runs) {
    for (int i = 0; i < run.length; ++i)
      dark.at(static_cast<std::size_t>(run.y - 4)).at(static_cast<std::size_t>(run.x - 4 + i)) = 1;
  }
  const auto at = [&](int x, int y) { return dark[static_cast<std::size_t>(y)][static_cast<std::size_t>(x)]; };
  int word = 0;
  for (int x = 0; x < 6; ++x) word = (word << 1) | at(x, 8);
  word = (word << 1) | at(7, 8);
  word = (word << 1) | at(8, 8);
  word = (word << 1) | at(8, 7);
  for (int y = 5; y >= 0; --y) word = (word << 1) | at(8, y);
  bool valid = false;
  for (int mask = 0; mask < 8; ++mask) valid = valid || word == level_m_format_word(mask);
  EXPECT_TRUE(valid) << "format bits " << word;
}

TEST(QrSvg, DependsOnTheTextAndOnlyOnIt) {
  const std::string uri = otpauth_uri("ATT", "jane.doe@example.org", "JBSWY3DPEHPK3PXP");
  EXPECT_EQ(qr_svg(uri), qr_svg(uri));
  EXPECT_NE(qr_svg(uri), qr_svg(otpauth_uri("ATT", "jane.doe@example.org", "JBSWY3DPEHPK3PXQ")));
  EXPECT_NE(qr_svg("hello"), qr_svg("hellp"));
}

TEST(QrSvg, IsEmptyForNothingOrTooMuchToEncode) {
  EXPECT_EQ(qr_svg(""), "");
  EXPECT_EQ(qr_svg(std::string(4000, 'x')), "");
  EXPECT_FALSE(qr_svg(std::string(1000, 'x')).empty());
}

}  // namespace
}  // namespace att::auth
