// The obligations rules as a table of cases (data/obligation_cases.csv): EIF on the treaty's own
// date and in the middle of a year, deposits either side of the 90-day boundary, leap years, a
// party with unknown dates, late, amended and recalled submissions, and "as of" dates before
// and after a late submission.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/compliance/obligation_status.hpp"
#include "core/compliance/obligations.hpp"
#include "test_data.hpp"

namespace att::compliance {
namespace {

Date date(std::string_view text) { return Date::parse(text).value(); }

StateRecord state_with(std::string_view deposit, std::string_view eif_recorded) {
  StateRecord state;
  state.iso3 = "XXX";
  if (!deposit.empty() || !eif_recorded.empty()) state.deposit_kind = "ratification";
  if (!deposit.empty() && deposit != "unknown") state.deposit_date = date(deposit);
  if (!eif_recorded.empty()) {
    state.eif_recorded = date(eif_recorded);
    state.deposit_date = date(eif_recorded).plus_days(-90);
  }
  return state;
}

// "2016-05-02>2016-07-01;2016-07-20": received dates, each with the date it was recalled.
std::vector<ReceivedVersion> versions_of(std::string_view text) {
  std::vector<ReceivedVersion> versions;
  while (!text.empty()) {
    const auto end = text.find(';');
    const auto one = text.substr(0, end);
    const auto recall = one.find('>');
    ReceivedVersion version{date(one.substr(0, recall)), std::nullopt};
    if (recall != std::string_view::npos) version.recalled_on = date(one.substr(recall + 1));
    versions.push_back(version);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
  }
  return versions;
}

TEST(Obligations, EveryCaseInTheTable) {
  const auto cases = testing::read_cases("obligation_cases.csv");
  ASSERT_GE(cases.rows().size(), 20u);
  const ObligationRules rules;
  for (const auto& row : cases.rows()) {
    const auto name = std::string(cases.field(row, "case"));
    const auto state = state_with(cases.field(row, "deposit"), cases.field(row, "eif_recorded"));
    const auto as_of = date(cases.field(row, "as_of"));
    const auto report = std::string(cases.field(row, "report"));
    const auto expected = std::string(cases.field(row, "expected"));
    const auto obligation = report == "initial" ? initial_obligation(state, as_of)
                                                : annual_obligation(state, std::stoi(report), as_of, rules);
    if (expected == "unknown") {
      EXPECT_FALSE(obligation) << name;
      EXPECT_TRUE(obligations_on(state, as_of, rules).dates_unknown()) << name;
      continue;
    }
    if (expected == "none") {
      EXPECT_FALSE(obligation) << name;
      continue;
    }
    ASSERT_TRUE(obligation) << name;
    EXPECT_EQ(obligation->due.iso(), cases.field(row, "expected_due")) << name;
    const auto status = status_on(*obligation, versions_of(cases.field(row, "received")), as_of, rules);
    EXPECT_EQ(to_string(status.timeliness), expected) << name;
    EXPECT_EQ(std::to_string(status.versions), cases.field(row, "expected_versions")) << name;
  }
}

TEST(Obligations, AStateOwesItsInitialReportAndEachYearThatHasEnded) {
  const auto state = state_with("2014-04-02", "");
  const auto owed = obligations_on(state, date("2018-03-01"), {});
  ASSERT_TRUE(owed.party);
  ASSERT_EQ(owed.owed.size(), 4u) << "initial, 2015, 2016, 2017 (2018 has not ended)";
  EXPECT_EQ(owed.owed[0].kind, ReportKind::initial);
  EXPECT_EQ(owed.owed[1].year, 2015);
  EXPECT_EQ(owed.owed[3].year, 2017);
  EXPECT_EQ(owed.owed[3].due.iso(), "2018-05-31");
  EXPECT_FALSE(obligations_on(StateRecord{}, date("2018-03-01"), {}).party) << "no deposit: nothing owed";
}

TEST(Obligations, TheRulesAreConfiguration) {
  ObligationRules rules;
  rules.first_year_is_first_full_year = false;
  rules.annual_due_month = 6;
  rules.annual_due_day = 30;
  rules.grace_days = 0;
  const auto state = state_with("2017-03-10", "");
  const auto obligation = annual_obligation(state, 2017, date("2019-01-01"), rules);
  ASSERT_TRUE(obligation) << "the year of EIF counts under that rule";
  EXPECT_EQ(obligation->due.iso(), "2018-06-30");
  EXPECT_EQ(status_on(*obligation, {{date("2018-07-01"), std::nullopt}}, date("2019-01-01"), rules).timeliness,
            Timeliness::late)
      << "no grace";
}

}  // namespace
}  // namespace att::compliance
