// A query stops when it outgrows its budget: past its time, or holding more groups than allowed;
// within the budget it answers exactly as without one.
#include "reporting/transfers/query_budget.hpp"

#include <gtest/gtest.h>

#include <numeric>

#include "reporting/transfers/transfer_mirror.hpp"
#include "reporting/transfers/transfer_summary.hpp"

namespace att::transfers {
namespace {

// `reports` reports of one line each way, from 20 reporters over 10 years.
LineTable table_of(std::size_t reports) {
  LineTable table;
  static const std::vector<std::string> codes{"ARG", "BRA", "CAN", "DEU", "ESP", "FRA", "GBR", "ITA", "JPN", "KEN",
                                              "MEX", "NGA", "NOR", "PER", "POL", "SEN", "SWE", "TUR", "USA", "ZAF"};
  for (std::size_t id = 1; id <= reports; ++id) {
    reports::ReportLine line;
    line.partner_state = codes[(id * 7) % codes.size()];
    line.category = "I";
    line.items = 1;
    reports::ReportLine other = line;
    other.direction = reports::Direction::imports;
    table.append({static_cast<std::int64_t>(id), codes[id % codes.size()],
                  2010 + static_cast<int>((id / codes.size()) % 10), 1, false, false, reports::Basis::actual},
                 {line, other});
  }
  return table;
}

std::vector<std::uint32_t> every_line(const LineTable& table) {
  std::vector<std::uint32_t> lines(table.size());
  std::iota(lines.begin(), lines.end(), 0U);
  return lines;
}

const std::vector<GroupField> reporter_by_year{GroupField::reporter, GroupField::year};

TEST(QueryBudget, ASummaryStopsPastItsGroups) {
  const auto table = table_of(400);
  const StatesRegister states;
  const auto unlimited = summarise(table, every_line(table), reporter_by_year, true, {}, 10, states);
  ASSERT_GT(unlimited.total_groups, 50U);

  const BudgetWatch enough(QueryBudget{std::chrono::seconds(60), unlimited.total_groups});
  EXPECT_EQ(summarise(table, every_line(table), reporter_by_year, true, {}, 10, states, enough).total_groups,
            unlimited.total_groups);

  const BudgetWatch too_few(QueryBudget{std::chrono::seconds(60), unlimited.total_groups - 1});
  try {
    summarise(table, every_line(table), reporter_by_year, true, {}, 10, states, too_few);
    FAIL() << "one group over the budget must stop the query";
  } catch (const OverBudget& over) {
    EXPECT_EQ(over.kind(), OverBudget::Kind::groups);
    EXPECT_EQ(over.budget().groups, unlimited.total_groups - 1);
  }
}

TEST(QueryBudget, AMirrorStopsPastItsPairs) {
  const auto table = table_of(400);
  const auto pairs = mirror(table, every_line(table), {});
  ASSERT_GT(pairs.size(), 10U);
  EXPECT_EQ(
      mirror(table, every_line(table), {}, BudgetWatch(QueryBudget{std::chrono::seconds(60), pairs.size()})).size(),
      pairs.size());
  EXPECT_THROW(mirror(table, every_line(table), {}, BudgetWatch(QueryBudget{std::chrono::seconds(60), 10})),
               OverBudget);
}

TEST(QueryBudget, AScanStopsPastItsTime) {
  // More lines than one check's worth, and a deadline already gone: the scan stops at its first look.
  const auto table = table_of(lines_between_checks);
  const StatesRegister states;
  const BudgetWatch late(QueryBudget{std::chrono::milliseconds(-1), 1'000'000});
  try {
    summarise(table, every_line(table), reporter_by_year, true, {}, 10, states, late);
    FAIL() << "a query past its time must stop";
  } catch (const OverBudget& over) {
    EXPECT_EQ(over.kind(), OverBudget::Kind::time);
  }
  EXPECT_NO_THROW(BudgetWatch::unlimited().check_time());
  EXPECT_NO_THROW(BudgetWatch::unlimited().check_groups(std::size_t{1} << 40));
}

}  // namespace
}  // namespace att::transfers
