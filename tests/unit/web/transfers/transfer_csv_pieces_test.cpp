// A full download is written in pieces: together they are exactly the CSV written whole, however
// many pieces the table needs, and the table outlives the model that gave it.
#include <gtest/gtest.h>

#include <numeric>

#include "web/transfers/transfer_views.hpp"

namespace att::web {
namespace {

std::shared_ptr<transfers::LineTable> table_of(std::size_t reports) {
  auto table = std::make_shared<transfers::LineTable>();
  for (std::size_t id = 1; id <= reports; ++id) {
    reports::ReportLine line;
    line.partner_state = id % 2 ? "FRA" : "DEU";
    line.category = "I";
    line.items = static_cast<std::int64_t>(id);
    line.description = "=SUM(A1) tank, \"quoted\" line " + std::to_string(id);
    reports::ReportLine other = line;
    other.direction = reports::Direction::imports;
    table->append({static_cast<std::int64_t>(id), "BRA", 2000 + static_cast<int>(id % 20), 1, false, id % 3 == 0,
                   reports::Basis::actual},
                  {line, other});
  }
  return table;
}

std::string joined(BodyPieces pieces, std::size_t& count) {
  std::string all;
  while (auto piece = pieces()) {
    EXPECT_FALSE(piece->empty());
    all += *piece;
    ++count;
  }
  EXPECT_FALSE(pieces()) << "a finished download stays finished";
  return all;
}

TEST(TransferCsvPieces, ThePiecesTogetherAreTheWholeCsv) {
  for (const std::size_t reports : {0UL, 3UL, 20'000UL}) {
    auto table = table_of(reports);
    std::vector<std::uint32_t> lines(table->size());
    std::iota(lines.begin(), lines.end(), 0U);
    const auto whole = transfer_rows_csv(*table, lines, io::CsvFor::people);
    std::size_t count = 0;
    auto pieces = transfer_rows_csv_pieces(table, lines, io::CsvFor::people);
    table.reset();  // the pieces keep the table they were given
    EXPECT_EQ(joined(std::move(pieces), count), whole) << reports << " reports";
    if (reports == 20'000) {
      EXPECT_GT(count, 4U) << "a large download is not one piece";
    }
    if (reports == 0) {
      EXPECT_EQ(count, 1U) << "an empty selection is the header alone";
    }
  }
}

}  // namespace
}  // namespace att::web
