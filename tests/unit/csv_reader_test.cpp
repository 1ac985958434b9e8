#include <gtest/gtest.h>

#include "io/csv_reader.hpp"
#include "io/csv_writer.hpp"

namespace att::io {
namespace {

TEST(CsvReader, ReadsQuotedCommasQuotesAndLineBreaks) {
  const auto records = parse_csv("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,,\n");
  ASSERT_TRUE(records);
  ASSERT_EQ(records->size(), 3u);
  EXPECT_EQ((*records)[1].fields, (std::vector<std::string>{"x, y", "say \"hi\"", "two\nlines"}));
  EXPECT_EQ((*records)[1].line, 2u);
  EXPECT_EQ((*records)[2].fields, (std::vector<std::string>{"last", "", ""}));
  EXPECT_EQ((*records)[2].line, 4u) << "the record after a quoted line break starts on line 4";
}

TEST(CsvReader, SkipsBomAndHandlesCrlfAndMissingFinalNewline) {
  const auto records = parse_csv("\xEF\xBB\xBFiso3,name\r\nFRA,France\r\nDEU,Germany");
  ASSERT_TRUE(records);
  ASSERT_EQ(records->size(), 3u);
  EXPECT_EQ((*records)[0].fields[0], "iso3");
  EXPECT_EQ((*records)[2].fields, (std::vector<std::string>{"DEU", "Germany"}));
}

TEST(CsvReader, IgnoresBlankLines) {
  const auto records = parse_csv("a\n\n\nb\n");
  ASSERT_TRUE(records);
  EXPECT_EQ(records->size(), 2u);
}

TEST(CsvReader, ReportsUnterminatedQuoteWithItsLine) {
  const auto records = parse_csv("a,b\nc,\"never closed\nmore\n");
  ASSERT_FALSE(records);
  EXPECT_EQ(records.error().kind, CsvError::Kind::unterminated_quote);
  EXPECT_EQ(records.error().line, 2u);
}

TEST(CsvReader, ReportsTextAfterClosingQuote) {
  const auto records = parse_csv("a\n\"quoted\"junk,b\n");
  ASSERT_FALSE(records);
  EXPECT_EQ(records.error().kind, CsvError::Kind::text_after_quote);
  EXPECT_EQ(records.error().line, 2u);
}

TEST(CsvTable, LooksUpFieldsByHeader) {
  const auto table = CsvTable::parse("iso3,name\nFRA,France\nDEU\n");
  ASSERT_TRUE(table);
  ASSERT_EQ(table->rows().size(), 2u);
  EXPECT_EQ(table->field(table->rows()[0], "name"), "France");
  EXPECT_EQ(table->field(table->rows()[1], "name"), "") << "short row";
  EXPECT_EQ(table->field(table->rows()[0], "absent"), "");
  EXPECT_TRUE(table->has_column("iso3"));
  EXPECT_FALSE(table->has_column("ISO3"));
}

TEST(CsvWriter, QuotesOnlyWhatNeedsIt) {
  EXPECT_EQ(csv_field("plain"), "plain");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_line({"x", "two\nlines", ""}), "x,\"two\nlines\",\n");
}

TEST(CsvRoundTrip, WriterOutputReadsBackIdentically) {
  const std::vector<std::string> fields = {"Côte d’Ivoire", "a,b", "\"q\"", "line\r\nbreak", "", " spaced "};
  const auto records = parse_csv(csv_line(fields));
  ASSERT_TRUE(records);
  ASSERT_EQ(records->size(), 1u);
  EXPECT_EQ((*records)[0].fields, fields);
}

}  // namespace
}  // namespace att::io
