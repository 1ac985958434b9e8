// The State page's and home page's listings on SQLite and PostgreSQL: each viewer gets exactly
// the versions its read rule allows (a restricted report is for representatives of States
// Parties and the Secretariat; a draft for nobody here), newest first, and the counts agree.
#include <gtest/gtest.h>

#include "reporting/report_listings.hpp"
#include "test_support.hpp"

namespace att::reporting {
using namespace att::literals;
namespace {

class ReportListings : public testing::OnBothDatabasesWithRegister {
 protected:
  void SetUp() override {
    OnBothDatabasesWithRegister::SetUp();
    if (IsSkipped()) return;
    submitted("FRA", 2021, reports::Visibility::public_report, "2022-05-30");
    submitted("FRA", 2022, reports::Visibility::public_report, "2023-05-20");
    submitted("FRA", 2022, reports::Visibility::public_report, "2023-08-01");  // amended
    submitted("DEU", 2022, reports::Visibility::restricted, "2023-06-02");
    save_draft(*db_, testing::one_line_each_way("FRA", 2023, reports::Visibility::public_report), std::nullopt,
               "2024-03-01T00:00:00Z"_utc);
  }
  void submitted(const std::string& state, int year, reports::Visibility visibility, const std::string& received) {
    Submission submission;
    submission.report = testing::one_line_each_way(state, year, visibility);
    submission.received = Date::parse(received).value();
    submit(*db_, submission, Timestamp::parse(received + "T12:00:00Z").value());
  }
  static std::vector<std::string> described(const std::vector<VersionSummary>& versions) {
    std::vector<std::string> out;
    for (const auto& v : versions)
      out.push_back(v.reporting_state + " " + std::to_string(v.year) + " v" + std::to_string(v.version_no));
    return out;
  }
};

TEST_P(ReportListings, EachViewerGetsWhatItsRuleAllows) {
  const auth::Viewer anonymous;
  const auto party = viewer({auth::Role::state_representative}, "BEL");
  const auto secretariat = viewer({auth::Role::secretariat});

  using Lines = std::vector<std::string>;
  EXPECT_EQ(described(versions_of_state(*db_, anonymous, "FRA")), (Lines{"FRA 2022 v1", "FRA 2022 v2", "FRA 2021 v1"}))
      << "newest year first, each year's versions oldest first, no draft";
  EXPECT_TRUE(versions_of_state(*db_, anonymous, "DEU").empty()) << "a restricted report is not the public's";
  EXPECT_EQ(described(versions_of_state(*db_, party, "DEU")), (Lines{"DEU 2022 v1"}));
  EXPECT_EQ(described(versions_of_state(*db_, secretariat, "DEU")), (Lines{"DEU 2022 v1"}));

  EXPECT_EQ(described(latest_reports(*db_, anonymous, 5)), (Lines{"FRA 2022 v2", "FRA 2021 v1"}));
  EXPECT_EQ(described(latest_reports(*db_, party, 2)), (Lines{"FRA 2022 v2", "DEU 2022 v1"}))
      << "the most recently received current versions, up to the limit";

  const auto from = Date::parse("2023-01-01").value(), to = Date::parse("2023-12-31").value();
  EXPECT_EQ(reports_received(*db_, anonymous, from, to), 1) << "France 2022, once though amended";
  EXPECT_EQ(reports_received(*db_, party, from, to), 2);
  EXPECT_EQ(reports_received(*db_, secretariat, Date::parse("2022-01-01").value(), to), 3);
}

INSTANTIATE_TEST_SUITE_P(BothDatabases, ReportListings, ::testing::ValuesIn(testing::database_kinds()),
                         [](const auto& test_info) { return test_info.param; });

}  // namespace
}  // namespace att::reporting
