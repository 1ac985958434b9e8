// Instants as ISO 8601 UTC text: exact parsing, printing back, and the date they fall on.
#include <gtest/gtest.h>

#include "core/timestamp.hpp"

namespace att {
namespace {

TEST(Timestamp, ReadsBackWhatItWrites) {
  const auto parsed = Timestamp::parse("2024-02-29T23:59:59Z");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->iso(), "2024-02-29T23:59:59Z");
  EXPECT_EQ(parsed->date(), Date::from_ymd(2024, 2, 29));
  EXPECT_LT(*parsed, *Timestamp::parse("2024-03-01T00:00:00Z"));
}

TEST(Timestamp, RefusesEverythingElse) {
  for (const char* text : {"", "2024-02-30T00:00:00Z", "2023-02-29T00:00:00Z", "2024-01-01T24:00:00Z",
                           "2024-01-01T00:00:00+01:00", "2024-01-01 00:00:00Z", "2024-01-01T00:00:00.5Z",
                           "2024-01-01T00:60:00Z", "2024-1-01T00:00:00Z"})
    EXPECT_FALSE(Timestamp::parse(text)) << text;
}

}  // namespace
}  // namespace att
