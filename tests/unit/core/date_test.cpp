#include <gtest/gtest.h>

#include "core/date.hpp"

namespace att {
namespace {

TEST(Date, ParsesStrictIsoDates) {
  const auto date = Date::parse("2024-02-29");
  ASSERT_TRUE(date);
  EXPECT_EQ(date->year(), 2024);
  EXPECT_EQ(date->month(), 2u);
  EXPECT_EQ(date->day(), 29u);
  EXPECT_EQ(date->iso(), "2024-02-29");
}

TEST(Date, RejectsMalformedText) {
  for (const char* text : {"", "2024", "2024-1-01", "2024-01-1", "20240101", "2024/01/01", "abcd-ef-gh", " 2024-01-01",
                           "2024-01-01 ", "2024-01-01T00:00", "+024-01-01", "2024-0a-01"}) {
    const auto date = Date::parse(text);
    ASSERT_FALSE(date) << text;
    EXPECT_EQ(date.error(), DateError::malformed) << text;
  }
}

TEST(Date, RejectsDaysThatDoNotExist) {
  for (const char* text : {"2023-02-29", "2024-02-30", "2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00",
                           "1899-12-31", "3000-01-01", "0000-01-01"}) {
    const auto date = Date::parse(text);
    ASSERT_FALSE(date) << text;
    EXPECT_EQ(date.error(), DateError::impossible) << text;
  }
}

TEST(Date, AddsDaysAcrossMonthsAndLeapYears) {
  EXPECT_EQ(Date::from_ymd(2024, 2, 28).plus_days(1).iso(), "2024-02-29");
  EXPECT_EQ(Date::from_ymd(2023, 2, 28).plus_days(1).iso(), "2023-03-01");
  EXPECT_EQ(Date::from_ymd(2014, 12, 31).plus_days(1).iso(), "2015-01-01");
  EXPECT_EQ(Date::from_ymd(2015, 1, 1).plus_days(-1).iso(), "2014-12-31");
}

TEST(Date, AddsYearsKeepingTheDayOrTheLastOfFebruary) {
  EXPECT_EQ(Date::from_ymd(2014, 12, 24).plus_years(1).iso(), "2015-12-24");
  EXPECT_EQ(Date::from_ymd(2024, 2, 29).plus_years(1).iso(), "2025-02-28");
  EXPECT_EQ(Date::from_ymd(2024, 2, 29).plus_years(4).iso(), "2028-02-29");
}

TEST(Date, ComparesAndCountsDays) {
  const auto a = Date::from_ymd(2014, 12, 24);
  const auto b = Date::from_ymd(2015, 3, 24);
  EXPECT_LT(a, b);
  EXPECT_EQ(a.days_until(b), 90);
  EXPECT_EQ(b.days_until(a), -90);
}

TEST(Date, TimestampHasIsoShape) {
  const auto stamp = utc_timestamp(std::chrono::system_clock::now());
  ASSERT_EQ(stamp.size(), 20u) << stamp;
  EXPECT_EQ(stamp[10], 'T');
  EXPECT_EQ(stamp.back(), 'Z');
  EXPECT_TRUE(Date::parse(stamp.substr(0, 10)));
}

}  // namespace
}  // namespace att
