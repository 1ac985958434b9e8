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
  EXPECT_EQ(csv_field("plain", CsvFor::machines), "plain");
  EXPECT_EQ(csv_field("a,b", CsvFor::machines), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\"", CsvFor::machines), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_line({"x", "two\nlines", ""}, CsvFor::machines), "x,\"two\nlines\",\n");
}

TEST(CsvWriter, ForPeopleAFieldStartingLikeAFormulaGetsAnApostrophe) {
  for (const std::string field : {"=HYPERLINK(\"http://x\")", "+1", "-5", "@SUM(A1)", "\tx", "\rx"})
    EXPECT_EQ(csv_field(field, CsvFor::people).find_first_not_of('"'), csv_field(field, CsvFor::people).find('\''))
        << "the apostrophe comes first, inside the quotes if any: " << field;
  EXPECT_EQ(csv_field("=1+2", CsvFor::people), "'=1+2");
  EXPECT_EQ(csv_field("-5", CsvFor::people), "'-5");
  EXPECT_EQ(csv_field("=a,b", CsvFor::people), "\"'=a,b\"");
  EXPECT_EQ(csv_field("\rx", CsvFor::people), "\"'\rx\"");
  EXPECT_EQ(csv_field("a=b", CsvFor::people), "a=b");
  EXPECT_EQ(csv_field("", CsvFor::people), "");
  EXPECT_EQ(csv_field("=1+2", CsvFor::machines), "=1+2") << "the raw form for machines";
  EXPECT_EQ(csv_line({"ok", "@x"}, CsvFor::people), "ok,'@x\n");
}

TEST(CsvWriter, RestoringAFieldWrittenForPeopleGivesItBack) {
  for (const std::string field : {"=1+2", "-5", "+x", "@y", "\tz", "\rw", "'quoted", "'", "plain", ""}) {
    const auto records = parse_csv(csv_line({field}, CsvFor::people));
    ASSERT_TRUE(records);
    auto read = records->empty() ? std::string() : (*records)[0].fields[0];
    restore_people_csv_field(read);
    EXPECT_EQ(read, field);
  }
}

TEST(CsvRoundTrip, WriterOutputReadsBackIdentically) {
  const std::vector<std::string> fields = {"Côte d’Ivoire", "a,b", "\"q\"", "line\r\nbreak", "", " spaced "};
  const auto records = parse_csv(csv_line(fields, CsvFor::machines));
  ASSERT_TRUE(records);
  ASSERT_EQ(records->size(), 1u);
  EXPECT_EQ((*records)[0].fields, fields);
}

}  // namespace
}  // namespace att::io
