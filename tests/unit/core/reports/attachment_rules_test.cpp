// Which files may be attached to a report: cases in data/attachment_cases.csv, one runner.
#include "core/reports/attachment_rules.hpp"

#include <gtest/gtest.h>

#include <set>

#include "core/utf8.hpp"
#include "test_data.hpp"

namespace att::reports {
namespace {

std::optional<std::string> from_hex(std::string_view hex) {
  if (hex.size() % 2 != 0) return std::nullopt;
  std::string bytes;
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    const auto digit = [](char c) -> int {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      return -1;
    };
    const int high = digit(hex[i]);
    const int low = digit(hex[i + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    bytes.push_back(static_cast<char>(high * 16 + low));
  }
  return bytes;
}

std::string verdict(const tl::expected<AcceptedAttachment, AttachmentProblem>& result) {
  return result ? "accept:" + result->media_type : std::string(to_string(result.error()));
}

TEST(AttachmentRules, DecidesEveryCaseInTheTable) {
  const auto cases = testing::read_cases("attachment_cases.csv");
  ASSERT_GE(cases.rows().size(), 50u);
  std::set<std::string> verdicts_seen;
  for (const auto& row : cases.rows()) {
    const std::string what(cases.field(row, "case"));
    const auto prefix = from_hex(cases.field(row, "hex"));
    ASSERT_TRUE(prefix) << "line " << row.line << ": hex must be pairs of lower-case digits";
    auto bytes = *prefix;
    if (const auto size = cases.field(row, "size"); !size.empty()) {
      const auto wanted = std::stoul(std::string(size));
      ASSERT_GE(wanted, bytes.size()) << "line " << row.line;
      bytes.resize(wanted, 'x');  // the rest of the file: ASCII, so only the prefix decides
    }
    const auto name = std::string(cases.field(row, "name"));
    const auto result = check_attachment(name, bytes);
    const std::string expected(cases.field(row, "expected"));
    EXPECT_EQ(verdict(result), expected) << "line " << row.line << ": " << what;
    verdicts_seen.insert(expected.substr(0, expected.find(':')));
    if (!result) continue;
    const std::string cleaned(cases.field(row, "cleaned"));
    EXPECT_EQ(result->file_name, cleaned.empty() ? name : cleaned) << "line " << row.line << ": " << what;
    // The first bytes decide: an accepted file whose first byte is changed is accepted no more.
    bytes[0] = '\0';
    EXPECT_FALSE(check_attachment(name, bytes)) << "line " << row.line << ": " << what << " without its first byte";
  }
  for (const char* kind : {"accept", "empty", "too_large", "bad_name", "unsupported_type", "extension_mismatch"})
    EXPECT_TRUE(verdicts_seen.contains(kind)) << "no case ends in " << kind;
}

TEST(AttachmentRules, NamesLoseWhatCouldDisguiseThem) {
  struct Case {
    const char* what;
    std::string given;
    std::optional<std::string> cleaned;
  };
  const std::string long_stem(300, 'a');
  const std::string accented_stem = [] {
    std::string stem;
    for (int i = 0; i < 150; ++i) stem += "\xC3\xA9";  // é: two bytes each
    return stem;
  }();
  const std::vector<Case> cases = {
      {"a plain name", "report.pdf", "report.pdf"},
      {"a line break", "report\r\n.pdf", "report.pdf"},
      {"a NUL", std::string("report\0.exe.pdf", 15), "report.exe.pdf"},
      {"a tab and an escape", "re\tport\x1b.pdf", "report.pdf"},
      {"a C1 control", "report\xC2\x85.pdf", "report.pdf"},
      {"a right-to-left override",
       "invoice\xE2\x80\xAE"
       "fdp.exe",
       "invoicefdp.exe"},
      {"an isolate and a mark",
       "a\xE2\x81\xA6"
       "b\xE2\x80\x8F.pdf",
       "ab.pdf"},
      {"a byte order mark", "\xEF\xBB\xBFreport.pdf", "report.pdf"},
      {"only a control", "\x07", std::nullopt},
      {"not UTF-8", "rapport \xE9t\xE9.pdf", std::nullopt},
      {"a long name keeps its extension", long_stem + ".pdf", std::string(196, 'a') + ".pdf"},
      {"a long name is cut between characters", accented_stem + ".pdf", accented_stem.substr(0, 196) + ".pdf"},
      {"a long name with a long last part", long_stem + "." + long_stem, std::string(200, 'a')},
  };
  for (const auto& c : cases) {
    const auto cleaned = clean_file_name(c.given);
    EXPECT_EQ(cleaned, c.cleaned) << c.what;
    if (cleaned) {
      EXPECT_LE(cleaned->size(), max_attachment_name_bytes) << c.what;
      EXPECT_TRUE(is_utf8(*cleaned)) << c.what;
    }
  }
}

TEST(Utf8, StrictDecoding) {
  struct Case {
    std::string bytes;
    bool utf8;
  };
  const std::vector<Case> cases = {
      {"", true},
      {"plain", true},
      {"\xC3\xA9", true},           // é
      {"\xE2\x80\x99", true},       // ’
      {"\xF0\x9F\x9A\x80", true},   // a rocket
      {"\xF4\x8F\xBF\xBF", true},   // U+10FFFF, the last
      {"\xC3", false},              // cut short
      {"\xC0\xAF", false},          // overlong '/'
      {"\xE0\x80\xAF", false},      // overlong '/' again
      {"\xED\xA0\x80", false},      // a surrogate
      {"\xF4\x90\x80\x80", false},  // beyond U+10FFFF
      {"\xFF", false},
      {"\x80", false},  // a continuation byte alone
  };
  for (const auto& c : cases) EXPECT_EQ(is_utf8(c.bytes), c.utf8) << ::testing::PrintToString(c.bytes);
}

}  // namespace
}  // namespace att::reports
