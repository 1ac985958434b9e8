// Reporting status over time: what changed between two dates as a table of cases
// (data/status_change_cases.csv: a deadline passing, reports received on time and late, an
// amendment, a recall, a visibility changed, a new party), the totals of each reporting year and
// region, and a State's own history.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/compliance/status_changes.hpp"
#include "core/compliance/status_history.hpp"
#include "test_data.hpp"

namespace att::compliance {
namespace {

Date date(std::string_view text) { return Date::parse(text).value(); }

StateRecord party(std::string iso3, std::string region, std::string_view deposit) {
  StateRecord state;
  state.iso3 = std::move(iso3);
  state.name_en = state.name_fr = state.name_es = state.iso3;
  state.region = std::move(region);
  state.deposit_kind = "ratification";
  state.deposit_date = date(deposit);
  return state;
}

// "2016-05-02>2016-07-01;2016-11-02@restricted": received dates, each with the date it was
// recalled and its visibility (public unless said).
std::vector<VersionFacts> versions_of(std::string_view text) {
  std::vector<VersionFacts> versions;
  while (!text.empty()) {
    const auto end = text.find(';');
    auto one = text.substr(0, end);
    auto visibility = reports::Visibility::public_report;
    if (const auto at = one.find('@'); at != std::string_view::npos) {
      visibility = reports::Visibility::restricted;
      one = one.substr(0, at);
    }
    const auto recall = one.find('>');
    VersionFacts version{static_cast<std::int64_t>(versions.size()) + 1,
                         {date(one.substr(0, recall)), std::nullopt},
                         visibility,
                         std::nullopt};
    if (recall != std::string_view::npos) version.dates.recalled_on = date(one.substr(recall + 1));
    versions.push_back(version);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
  }
  return versions;
}

std::string status_or_none(const std::optional<StatusRow>& row) {
  return row ? std::string(to_string(row->status.timeliness)) : "none";
}

TEST(StatusChanges, EveryCaseInTheTable) {
  const auto cases = testing::read_cases("status_change_cases.csv");
  ASSERT_GE(cases.rows().size(), 10u);
  for (const auto& row : cases.rows()) {
    const auto name = std::string(cases.field(row, "case"));
    const StatesRegister states_register({party("XXX", "Europe", cases.field(row, "deposit"))}, {});
    const auto report = std::string(cases.field(row, "report"));
    const bool initial = report == "initial";
    const int year = initial ? 0 : std::stoi(report);
    ReportFacts facts;
    (initial ? facts.initial : facts.annual[year])["XXX"] = versions_of(cases.field(row, "versions"));
    const auto comparison =
        compare_status(states_register, date(cases.field(row, "from")), date(cases.field(row, "to")), {}, facts);
    const StatusChange* found = nullptr;
    for (const auto& change : comparison.changes)
      if (change.kind == (initial ? ReportKind::initial : ReportKind::annual) && change.year == year) found = &change;
    const auto expected_after = std::string(cases.field(row, "expected_after"));
    if (expected_after == "unchanged") {
      EXPECT_EQ(found, nullptr) << name;
      continue;
    }
    ASSERT_NE(found, nullptr) << name;
    EXPECT_EQ(found->state->iso3, "XXX") << name;
    EXPECT_EQ(status_or_none(found->before), cases.field(row, "expected_before")) << name;
    EXPECT_EQ(status_or_none(found->after), expected_after) << name;
  }
}

TEST(StatusChanges, EveryReportOwedOnEitherDateIsCompared) {
  const StatesRegister states_register({party("AAA", "Europe", "2014-04-02")}, {});
  const auto comparison = compare_status(states_register, date("2017-07-01"), date("2019-07-01"), {}, {});
  ASSERT_EQ(comparison.reports.size(), 5u) << "initial, 2015 to 2018";
  EXPECT_EQ(comparison.reports[0].kind, ReportKind::initial);
  EXPECT_EQ(comparison.reports[4].year, 2018);
  EXPECT_EQ(comparison.reports[3].before.not_yet_due, 1) << "2017 was still running on the first date";
  EXPECT_EQ(comparison.reports[3].after.overdue, 1);
  ASSERT_EQ(comparison.changes.size(), 2u) << "2017 and 2018 fell overdue; the rest stayed overdue";
  EXPECT_EQ(comparison.changes[0].year, 2017);
  ASSERT_TRUE(comparison.changes[0].before);
  EXPECT_EQ(comparison.changes[0].before->status.timeliness, Timeliness::not_yet_due);
  EXPECT_EQ(comparison.changes[1].after->status.timeliness, Timeliness::overdue);
}

TEST(StatusHistory, TotalsOfEachReportingYearAndRegion) {
  const StatesRegister states_register({party("AAA", "Europe", "2014-04-02"), party("BBB", "Africa", "2014-04-02"),
                                        party("CCC", "Africa", "2016-09-01")},
                                       {});
  ReportFacts facts;
  facts.annual[2015]["AAA"] = versions_of("2016-05-02");
  facts.annual[2015]["BBB"] = versions_of("2016-08-02@restricted");
  facts.annual[2017]["CCC"] = versions_of("2018-06-05");
  const auto history = status_history(states_register, date("2018-07-01"), {}, facts);
  ASSERT_EQ(history.size(), 3u) << "2015, 2016, 2017";
  EXPECT_EQ(history[0].year, 2015);
  EXPECT_EQ(history[0].totals.expected, 2) << "CCC owes nothing for 2015";
  EXPECT_EQ(history[0].totals.on_time, 1);
  EXPECT_EQ(history[0].totals.late, 1);
  EXPECT_EQ(history[0].totals.restricted, 1);
  EXPECT_EQ(history[0].regions.at("Africa").late, 1);
  EXPECT_EQ(history[0].regions.at("Europe").on_time, 1);
  EXPECT_EQ(history[1].totals.overdue, 2);
  EXPECT_EQ(history[2].totals.expected, 3);
  EXPECT_EQ(history[2].totals.within_grace, 1);
  EXPECT_EQ(history[2].regions.at("Africa").expected, 2);
  EXPECT_TRUE(status_history(states_register, date("2015-12-31"), {}, facts).empty()) << "no year has ended";
  ObligationRules year_of_eif;
  year_of_eif.first_year_is_first_full_year = false;
  EXPECT_EQ(status_history(states_register, date("2018-07-01"), year_of_eif, facts).front().year, 2014);
}

TEST(StatusHistory, AStatesObligationsWithWhereEachStands) {
  const auto state = party("AAA", "Europe", "2014-04-02");
  ReportFacts facts;
  facts.initial["AAA"] = versions_of("2016-01-10");
  facts.annual[2016]["AAA"] = versions_of("2017-05-02;2017-08-01");
  facts.annual[2016]["BBB"] = versions_of("2017-05-02");  // another State's: not read
  const auto rows = state_history(state, date("2018-01-01"), {}, facts);
  ASSERT_EQ(rows.size(), 4u) << "initial, 2015, 2016, 2017";
  EXPECT_EQ(rows[0].obligation.kind, ReportKind::initial);
  EXPECT_EQ(rows[0].status.timeliness, Timeliness::late);
  EXPECT_EQ(rows[1].status.timeliness, Timeliness::overdue);
  EXPECT_EQ(rows[2].status.timeliness, Timeliness::on_time);
  EXPECT_TRUE(rows[2].status.amended());
  EXPECT_EQ(rows[3].status.timeliness, Timeliness::not_yet_due);
  EXPECT_TRUE(state_history(StateRecord{}, date("2018-01-01"), {}, facts).empty()) << "no party";
}

}  // namespace
}  // namespace att::compliance
