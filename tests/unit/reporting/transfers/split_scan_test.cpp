// The queries of the transfers read model on a table large enough that their scans are split
// across threads (scan_parts.hpp): the selection, the groups of a summary and a deep page equal
// what a plain single loop over the lines gives, whatever the split.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>
#include <tuple>

#include "reporting/transfers/large_table.hpp"
#include "reporting/transfers/line_selection.hpp"
#include "reporting/transfers/scan_parts.hpp"
#include "reporting/transfers/transfer_rows.hpp"
#include "reporting/transfers/transfer_summary.hpp"

namespace att::transfers {
namespace {

TEST(SplitScan, TheTableIsLargeEnoughToBeSplit) {
  EXPECT_GT(large_table().size(), lines_worth_splitting);
  if (scan_part_count(large_table().size()) < 2) GTEST_SKIP() << "one core: scans are not split here";
}

TEST(SplitScan, TheSelectionIsEveryVisibleMatchingLineInTableOrder) {
  const auto& table = large_table();
  TransferFilter filter;
  filter.direction = reports::Direction::exports;
  filter.year_from = 2016;
  filter.year_to = 2021;
  filter.bases = {LineBasis::actual};
  filter.categories = {"VIII"};
  const auto selected = select_lines(table, auth::Viewer::anonymous(), filter, StatesRegister());
  std::vector<std::uint32_t> expected;
  for (std::uint32_t i = 0; i < table.size(); ++i)
    if (!table.restricted[i] && !table.is_import[i] && table.year[i] >= 2016 && table.year[i] <= 2021 &&
        table.basis[i] == LineBasis::actual && table.categories.text(table.category[i]).starts_with("VIII."))
      expected.push_back(i);
  EXPECT_FALSE(expected.empty());
  EXPECT_EQ(selected, expected);
}

struct PlainTotals {
  std::int64_t lines = 0, items = 0;
  std::set<std::uint32_t> versions;
  std::map<std::string, double> values;
};

TEST(SplitScan, SummaryGroupsEqualAPlainLoopInKeyOrder) {
  const auto& table = large_table();
  std::vector<std::uint32_t> all(table.size());
  std::iota(all.begin(), all.end(), 0U);
  const auto summary = summarise(table, all, {GroupField::reporter, GroupField::year, GroupField::category}, false, {},
                                 1'000'000, StatesRegister());
  // Basis is added: authorized and actual figures are never summed together.
  ASSERT_EQ(summary.group_by.back(), GroupField::basis);
  std::map<std::vector<std::string>, PlainTotals> expected;
  for (std::uint32_t i = 0; i < table.size(); ++i) {
    auto& t = expected[{table.states.text(table.reporter[i]), std::to_string(table.year[i]),
                        table.categories.text(table.category[i]), std::string(to_string(table.basis[i]))}];
    ++t.lines;
    t.versions.insert(table.version[i]);
    if (table.items[i] != no_items) t.items += table.items[i];
    if (!std::isnan(table.value[i])) t.values[table.currencies.text(table.currency[i])] += table.value[i];
  }
  ASSERT_EQ(summary.total_groups, expected.size());
  ASSERT_EQ(summary.groups.size(), expected.size());
  auto at = expected.begin();
  for (const auto& group : summary.groups) {
    ASSERT_EQ(group.keys, at->first);
    EXPECT_EQ(group.lines, at->second.lines);
    EXPECT_EQ(group.reports, static_cast<std::int64_t>(at->second.versions.size())) << at->first[0];
    EXPECT_EQ(group.items, at->second.items);
    EXPECT_EQ(group.values, at->second.values);  // halves: exact in any order of addition
    ++at;
  }
}

TEST(SplitScan, TopPartnersByItemsEqualAPlainCount) {
  const auto& table = large_table();
  std::vector<std::uint32_t> all(table.size());
  std::iota(all.begin(), all.end(), 0U);
  const auto summary =
      summarise(table, all, {GroupField::partner}, true, {{std::nullopt, Measure::items, true}}, 3, StatesRegister());
  std::map<std::string, std::int64_t> items;
  for (std::uint32_t i = 0; i < table.size(); ++i)
    if (table.items[i] != no_items) items[table.states.text(table.partner[i])] += table.items[i];
  std::vector<std::pair<std::int64_t, std::string>> ranked;
  for (const auto& [partner, count] : items) ranked.emplace_back(-count, partner);
  std::sort(ranked.begin(), ranked.end());
  ASSERT_EQ(summary.groups.size(), 3U);
  EXPECT_EQ(summary.total_groups, sample_partners.size());
  for (std::size_t g = 0; g < 3; ++g) {
    EXPECT_EQ(summary.groups[g].keys, std::vector<std::string>{ranked[g].second});
    EXPECT_EQ(summary.groups[g].items, -ranked[g].first);
  }
}

TEST(SplitScan, DeepPagesAreSlicesOfAPlainStableSort) {
  const auto& table = large_table();
  std::vector<std::uint32_t> all(table.size());
  std::iota(all.begin(), all.end(), 0U);
  const std::vector<SortKey> order{{RowField::year, false}, {RowField::reporter, true}, {RowField::category, false}};
  auto expected = all;
  std::stable_sort(expected.begin(), expected.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (table.year[a] != table.year[b]) return table.year[a] < table.year[b];
    const auto &x = table.states.text(table.reporter[a]), &y = table.states.text(table.reporter[b]);
    if (x != y) return x > y;
    return table.categories.text(table.category[a]) < table.categories.text(table.category[b]);
  });
  for (const std::size_t offset : {std::size_t{0}, table.size() / 3, table.size() / 2 + 17, table.size() - 50}) {
    const auto page = page_of(table, all, order, offset, 100);
    const auto end = std::min(table.size(), offset + 100);
    EXPECT_EQ(page.lines, std::vector<std::uint32_t>(expected.begin() + static_cast<std::ptrdiff_t>(offset),
                                                     expected.begin() + static_cast<std::ptrdiff_t>(end)))
        << "offset " << offset;
  }
}

}  // namespace
}  // namespace att::transfers
