// Dates in words in each language, from the catalogue the pages use.
#include <gtest/gtest.h>

#include "text/dates.hpp"
#include "text/numbers.hpp"

namespace att::text {
namespace {

const Catalog& catalog() {
  static const Catalog loaded = Catalog::load(std::string(ATT_WEB_DIR) + "/i18n");
  return loaded;
}

TEST(Dates, EachLanguageWritesTheDateItsOwnWay) {
  EXPECT_EQ(format_date(catalog(), Language::en, "2026-11-27"), "27 November 2026");
  EXPECT_EQ(format_date(catalog(), Language::fr, "2026-11-27"), "27 novembre 2026");
  EXPECT_EQ(format_date(catalog(), Language::es, "2026-11-27"), "27 de noviembre de 2026");
  EXPECT_EQ(format_date(catalog(), Language::fr, "2027-01-01"), "1er janvier 2027") << "French ordinal first day";
  EXPECT_EQ(format_date(catalog(), Language::en, "2027-01-01"), "1 January 2027");
  EXPECT_EQ(format_date(catalog(), Language::es, "2024-02-29"), "29 de febrero de 2024");
}

TEST(Dates, TimestampsKeepTheMinuteAndSayUtc) {
  EXPECT_EQ(format_timestamp(catalog(), Language::en, "2026-11-27T06:12:45Z"), "27 November 2026, 06:12 UTC");
  EXPECT_EQ(format_timestamp(catalog(), Language::fr, "2026-08-01T23:59:00Z"), "1er août 2026 à 23:59 UTC");
  EXPECT_EQ(format_timestamp(catalog(), Language::es, "2026-11-27"), "27 de noviembre de 2026") << "a bare date";
}

TEST(Dates, WhatIsNotADateIsShownAsItIs) {
  for (const char* text : {"", "soon", "2026-13-01", "2026-02-30", "27/11/2026"})
    EXPECT_EQ(format_date(catalog(), Language::en, text), text) << text;
}

TEST(Numbers, AmountsAreGroupedTheReadersWayAndKeepEveryDigit) {
  EXPECT_EQ(format_number(catalog(), Language::en, "12400000.15"), "12,400,000.15");
  EXPECT_EQ(format_number(catalog(), Language::fr, "12400000.15"), "12\u202f400\u202f000,15");
  EXPECT_EQ(format_number(catalog(), Language::es, "12400000.15"), "12.400.000,15");
  EXPECT_EQ(format_number(catalog(), Language::en, "999"), "999");
  EXPECT_EQ(format_number(catalog(), Language::en, "1000"), "1,000");
  EXPECT_EQ(format_number(catalog(), Language::en, "0.0001"), "0.0001") << "the fraction as reported";
  EXPECT_EQ(format_number(catalog(), Language::en, "123456789012345678901234.5"),
            "123,456,789,012,345,678,901,234.5")
      << "beyond what a double holds";
}

TEST(Numbers, WhatIsNotANumberIsShownAsItIs) {
  for (const char* text : {"", "-5", "1e6", "12.", ".5", "1,000", "abc"})
    EXPECT_EQ(format_number(catalog(), Language::en, text), text) << text;
}

}  // namespace
}  // namespace att::text
