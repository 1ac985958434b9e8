// The tables of totals answer every summary exactly as the lines do, for the public and for the
// Secretariat, with and without filters: what a viewer may not see is never added in.
#include "reporting/transfers/line_totals.hpp"

#include <gtest/gtest.h>

#include "reporting/transfers/large_table.hpp"
#include "reporting/transfers/line_selection.hpp"
#include "reporting/transfers/transfer_summary.hpp"
#include "reporting/transfers/visible_summary.hpp"

namespace att::transfers {
namespace {

const LineTable& with_totals() {
  static const LineTable table = [] {
    auto copy = large_table();
    copy.totals_without_partner = std::make_shared<const LineTable>(totals_of(copy, false));
    copy.totals_with_partner = std::make_shared<const LineTable>(totals_of(copy, true));
    return copy;
  }();
  return table;
}

auth::Viewer secretariat() {
  auth::Viewer viewer;
  viewer.user_id = 1;
  viewer.roles = {auth::Role::secretariat};
  return viewer;
}

void expect_same_groups(const Summary& from_totals, const Summary& from_lines, const std::string& what) {
  ASSERT_EQ(from_totals.total_groups, from_lines.total_groups) << what;
  ASSERT_EQ(from_totals.groups.size(), from_lines.groups.size()) << what;
  for (std::size_t g = 0; g < from_lines.groups.size(); ++g) {
    const auto &a = from_totals.groups[g], &b = from_lines.groups[g];
    EXPECT_EQ(a.keys, b.keys) << what;
    EXPECT_EQ(a.lines, b.lines) << what;
    EXPECT_EQ(a.reports, b.reports) << what;
    EXPECT_EQ(a.items, b.items) << what;
    EXPECT_EQ(a.values, b.values) << what;  // halves: exact in any order of addition
  }
}

TEST(LineTotals, TotalsAreFarFewerRowsThanLines) {
  const auto& table = with_totals();
  EXPECT_LT(table.totals_with_partner->size(), table.size());
  EXPECT_LT(table.totals_without_partner->size(), table.totals_with_partner->size());
  std::uint64_t lines = 0;
  for (std::size_t row = 0; row < table.totals_with_partner->size(); ++row)
    lines += table.totals_with_partner->lines_in(row);
  EXPECT_EQ(lines, table.size());
}

TEST(LineTotals, EverySummaryOfTotalsEqualsTheSummaryOfLinesForEachViewer) {
  const auto& table = with_totals();
  TransferFilter exports_2016_2021;
  exports_2016_2021.direction = reports::Direction::exports;
  exports_2016_2021.year_from = 2016;
  exports_2016_2021.year_to = 2021;
  TransferFilter actual_small_arms;
  actual_small_arms.bases = {LineBasis::actual};
  actual_small_arms.categories = {"VIII.SA"};
  TransferFilter to_two_partners;
  to_two_partners.partners = {"CAN", "KEN"};
  const std::vector<std::pair<std::string, TransferFilter>> filters{{"no filter", {}},
                                                                    {"exports 2016-2021", exports_2016_2021},
                                                                    {"actual small arms", actual_small_arms},
                                                                    {"two partners", to_two_partners}};
  const std::vector<std::vector<GroupField>> groupings{{},
                                                       {GroupField::reporter},
                                                       {GroupField::partner},
                                                       {GroupField::category, GroupField::year},
                                                       {GroupField::reporter, GroupField::year, GroupField::category},
                                                       {GroupField::direction, GroupField::basis}};
  const std::vector<std::pair<std::string, auth::Viewer>> viewers{{"public", auth::Viewer::anonymous()},
                                                                  {"secretariat", secretariat()}};
  for (const auto& [who, viewer] : viewers)
    for (const auto& [filtered, filter] : filters)
      for (const auto& group_by : groupings) {
        const SummaryQuestion question{filter, group_by, {{std::nullopt, Measure::items, true}}, 1'000};
        const auto& read = table_for_summary(table, question);
        EXPECT_NE(&read, &table) << "a summary without text reads totals";
        const auto from_lines = summarise(table, select_lines(table, viewer, filter, StatesRegister()), group_by,
                                          filter.bases.size() == 1, question.order, question.limit, StatesRegister());
        expect_same_groups(summarise_visible(table, viewer, question, StatesRegister()), from_lines,
                           who + ", " + filtered + ", " + std::to_string(group_by.size()) + " fields");
      }
}

TEST(LineTotals, TheFiguresOfTheTotalsKeepTheRestrictedOutForThePublic) {
  const auto& table = with_totals();
  std::int64_t public_lines = 0, all_lines = static_cast<std::int64_t>(table.size());
  for (std::size_t line = 0; line < table.size(); ++line) public_lines += table.restricted[line] ? 0 : 1;
  ASSERT_LT(public_lines, all_lines);
  const SummaryQuestion everything{{}, {}, {}, 10, false};
  EXPECT_EQ(summarise_visible(table, auth::Viewer::anonymous(), everything, StatesRegister()).groups.at(0).lines,
            public_lines);
  EXPECT_EQ(summarise_visible(table, secretariat(), everything, StatesRegister()).groups.at(0).lines, all_lines);
}

TEST(LineTotals, ATextSearchReadsTheLines) {
  SummaryQuestion question;
  question.filter.text = "anything";
  EXPECT_EQ(&table_for_summary(with_totals(), question), &with_totals());
}

}  // namespace
}  // namespace att::transfers
