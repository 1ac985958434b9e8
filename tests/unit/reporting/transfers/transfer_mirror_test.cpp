// The mirror pairing on a small table: exact years, the one-year tolerance, and the flags that
// say when two sides cannot be compared figure for figure.
#include "reporting/transfers/transfer_mirror.hpp"

#include <gtest/gtest.h>

namespace att::transfers {
namespace {

reports::ReportLine line(reports::Direction direction, const std::string& partner, std::optional<std::int64_t> items,
                         const std::string& value = "", const std::string& currency = "") {
  reports::ReportLine l;
  l.direction = direction;
  l.category = "II";
  l.partner_state = partner;
  l.items = items;
  l.value = value;
  l.currency = currency;
  return l;
}

VersionFacts version(std::int64_t id, const std::string& state, int year, reports::Basis basis) {
  return {id, state, year, 1, false, false, basis};
}

std::vector<std::uint32_t> every_line(const LineTable& table) {
  std::vector<std::uint32_t> all(table.size());
  for (std::uint32_t i = 0; i < all.size(); ++i) all[i] = i;
  return all;
}

TEST(TransferMirror, AnExportMeetsTheNextYearsImportOnlyWithTheTolerance) {
  LineTable table;
  table.append(version(1, "FRA", 2020, reports::Basis::authorized), {line(reports::Direction::exports, "DEU", 10)});
  table.append(version(2, "DEU", 2021, reports::Basis::actual), {line(reports::Direction::imports, "FRA", 10)});

  const auto exact = mirror(table, every_line(table), {});
  ASSERT_EQ(exact.size(), 2u);
  EXPECT_EQ(exact[0].discrepancies, std::vector<Discrepancy>{Discrepancy::only_exporter});
  EXPECT_EQ(exact[1].discrepancies, std::vector<Discrepancy>{Discrepancy::only_importer});

  const auto shifted = mirror(table, every_line(table), {{}, {}, 1});
  ASSERT_EQ(shifted.size(), 1u);
  EXPECT_EQ(shifted[0].year, 2020);
  EXPECT_EQ(shifted[0].importer_side->year, 2021);
  EXPECT_TRUE(shifted[0].discrepancies.empty()) << "10 items on both sides";
  EXPECT_TRUE(shifted[0].basis_differs) << "authorized against actual";
  EXPECT_FALSE(shifted[0].units_differ);

  EXPECT_TRUE(mirror(table, every_line(table), {{"ITA"}, {}, 1}).empty()) << "filtered by exporter";
}

TEST(TransferMirror, ValuesAreComparedOnlyInTheSameUnits) {
  LineTable table;
  table.append(version(1, "FRA", 2020, reports::Basis::actual),
               {line(reports::Direction::exports, "DEU", std::nullopt, "100.10", "EUR"),
                line(reports::Direction::exports, "ITA", std::nullopt, "100", "EUR")});
  table.append(version(2, "DEU", 2020, reports::Basis::actual), {line(reports::Direction::imports, "FRA", 3)});
  table.append(version(3, "ITA", 2020, reports::Basis::actual),
               {line(reports::Direction::imports, "FRA", std::nullopt, "90", "EUR")});
  const auto pairs = mirror(table, every_line(table), {});
  ASSERT_EQ(pairs.size(), 2u);
  EXPECT_EQ(pairs[0].importer, "DEU");
  EXPECT_TRUE(pairs[0].units_differ) << "a value against a number of items";
  EXPECT_TRUE(pairs[0].discrepancies.empty()) << "nothing comparable to differ";
  EXPECT_EQ(pairs[1].importer, "ITA");
  EXPECT_FALSE(pairs[1].units_differ);
  EXPECT_EQ(pairs[1].discrepancies, std::vector<Discrepancy>{Discrepancy::values_differ});
}

}  // namespace
}  // namespace att::transfers
