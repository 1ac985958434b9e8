// Pages of lines in the order asked for, on a small table: every page of every order equals the
// same slice of the whole list sorted plainly by the lines' texts and numbers.
#include "reporting/transfers/transfer_rows.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <tuple>

namespace att::transfers {
namespace {

LineTable sample() {
  LineTable table;
  const std::vector<std::tuple<std::string, int, std::string, std::string, std::int64_t>> reports{
      {"ZAF", 2019, "FRA", "VII.a", 4}, {"BRA", 2021, "ARG", "I", 7},  {"FRA", 2019, "DEU", "II", 1},
      {"BRA", 2019, "USA", "I", 7},     {"ARG", 2020, "BRA", "VI", 2}, {"FRA", 2021, "BRA", "II", 3}};
  std::int64_t id = 0;
  for (const auto& [reporter, year, partner, category, items] : reports) {
    reports::ReportLine line;
    line.partner_state = partner;
    line.category = category;
    line.items = items;
    reports::ReportLine other = line;
    other.direction = reports::Direction::imports;
    other.partner_state = "ITA";
    table.append({++id, reporter, year, id % 3 + 1, false, false, reports::Basis::actual}, {line, other});
  }
  return table;
}

// The reference: each key read as text or number, ties by position.
bool plainly_before(const LineTable& t, std::uint32_t a, std::uint32_t b, const std::vector<SortKey>& order) {
  for (const auto& key : order) {
    std::tuple<std::string, std::int64_t> x, y;
    switch (key.field) {
      case RowField::reporter: x = {t.states.text(t.reporter[a]), 0}, y = {t.states.text(t.reporter[b]), 0}; break;
      case RowField::partner: x = {t.states.text(t.partner[a]), 0}, y = {t.states.text(t.partner[b]), 0}; break;
      case RowField::category:
        x = {t.categories.text(t.category[a]), 0}, y = {t.categories.text(t.category[b]), 0};
        break;
      case RowField::year: x = {"", t.year[a]}, y = {"", t.year[b]}; break;
      case RowField::direction: x = {"", t.is_import[a]}, y = {"", t.is_import[b]}; break;
      case RowField::items: x = {"", t.items[a]}, y = {"", t.items[b]}; break;
      case RowField::version:
        x = {"", t.versions[t.version[a]].version_no}, y = {"", t.versions[t.version[b]].version_no};
        break;
      default: break;
    }
    if (x != y) return key.descending ? y < x : x < y;
  }
  return a < b;
}

TEST(TransferRows, EveryPageOfEveryOrderIsASliceOfThePlainSort) {
  const auto table = sample();
  std::vector<std::uint32_t> all(table.size());
  std::iota(all.begin(), all.end(), 0U);
  const std::vector<std::vector<SortKey>> orders{
      {{RowField::reporter, false}},
      {{RowField::year, true}, {RowField::reporter, false}},
      {{RowField::category, false}, {RowField::partner, true}},
      {{RowField::direction, true}, {RowField::version, false}, {RowField::year, false}},
      {{RowField::items, true}, {RowField::reporter, true}},  // items: not packed, compared line by line
  };
  for (const auto& order : orders) {
    auto expected = all;
    std::sort(expected.begin(), expected.end(),
              [&](std::uint32_t a, std::uint32_t b) { return plainly_before(table, a, b, order); });
    for (std::size_t offset = 0; offset < all.size(); offset += 3) {
      const auto page = page_of(table, all, order, offset, 4);
      EXPECT_EQ(page.total, all.size());
      const auto end = std::min(all.size(), offset + 4);
      EXPECT_EQ(page.lines, std::vector<std::uint32_t>(expected.begin() + static_cast<std::ptrdiff_t>(offset),
                                                       expected.begin() + static_cast<std::ptrdiff_t>(end)))
          << "order of " << order.size() << " keys, offset " << offset;
    }
  }
  EXPECT_TRUE(page_of(table, all, {{RowField::year, false}}, all.size(), 10).lines.empty());
}

}  // namespace
}  // namespace att::transfers
