// What reporting status reads of the stored versions, on SQLite and PostgreSQL: every submitted
// version with its received and recall dates and its visibility, for every viewer (the status
// of a restricted report is public), and whether it is a nil report only for a viewer who may
// read the whole version (the read rule inside the query), never a draft.
#include "reporting/compliance_facts.hpp"

#include <gtest/gtest.h>

#include "auth/policy.hpp"
#include "reporting/initial_reports_store.hpp"
#include "reporting/reports_store.hpp"
#include "test_support.hpp"

namespace att::reporting {
using namespace att::literals;
namespace {

using reports::Visibility;

const Timestamp now = "2026-01-01T00:00:00Z"_utc;

class ComplianceFacts : public testing::OnBothDatabasesWithRegister {
 protected:
  void SetUp() override {
    OnBothDatabasesWithRegister::SetUp();
    if (IsSkipped() || HasFailure()) return;
    store::Transaction transaction(*db_);
    submit_annual("FRA", 2022, Visibility::restricted, "2023-05-20", true);
    submit_annual("FRA", 2022, Visibility::public_report, "2023-08-01", false);  // an amendment
    auto mixed = annual("DEU", 2022, Visibility::public_report, false);          // its imports restricted
    mixed.imports_visibility = Visibility::restricted;
    submit(*db_, {mixed, Channel::email, Date::parse("2023-06-03").value(), false, {}}, now);
    submit_annual("ITA", 2021, Visibility::public_report, "2022-05-02", true);
    recall_current(*db_, "ITA", 2021, "sent by mistake", "2022-07-10T08:00:00Z"_utc);
    save_draft(*db_, annual("ESP", 2022, Visibility::public_report, true), std::nullopt, now);
    reports::InitialReport initial;
    initial.reporting_state = "FRA";
    initial.template_id = "att-initial-2015";
    initial.visibility = Visibility::restricted;
    submit_initial(*db_, initial, Channel::online, Date::parse("2015-12-01").value(), std::nullopt, now);
    transaction.commit();
  }

  static reports::AnnualReport annual(const std::string& state, int year, Visibility visibility, bool nil) {
    reports::AnnualReport report;
    report.reporting_state = state;
    report.year = year;
    report.template_id = "annual-2021";
    report.visibility = visibility;
    report.nil_exports = report.nil_imports = nil;
    if (!nil) {
      reports::ReportLine line;
      line.category = "II";
      line.partner_state = "BEL";
      line.items = 1;
      report.lines = {line};
      reports::ReportLine imported = line;
      imported.direction = reports::Direction::imports;
      report.lines.push_back(imported);
    }
    return report;
  }

  void submit_annual(const std::string& state, int year, Visibility visibility, const std::string& received, bool nil) {
    submit(*db_, {annual(state, year, visibility, nil), Channel::email, Date::parse(received).value(), false, {}}, now);
  }
};

TEST_P(ComplianceFacts, EverySubmittedVersionWithItsDatesAndVisibility) {
  const auto facts = report_facts(*db_, database_owner());
  ASSERT_EQ(facts.annual.at(2022).at("FRA").size(), 2u);
  const auto& first = facts.annual.at(2022).at("FRA")[0];
  EXPECT_EQ(first.version_no, 1);
  EXPECT_EQ(first.dates.received.iso(), "2023-05-20");
  EXPECT_EQ(first.visibility, Visibility::restricted);
  EXPECT_EQ(first.nil, true);
  EXPECT_EQ(facts.annual.at(2022).at("FRA")[1].nil, false);
  const auto& recalled = facts.annual.at(2021).at("ITA").at(0);
  ASSERT_TRUE(recalled.dates.recalled_on);
  EXPECT_EQ(recalled.dates.recalled_on->iso(), "2022-07-10");
  EXPECT_FALSE(facts.annual.at(2022).count("ESP")) << "a draft is not submitted";
  ASSERT_EQ(facts.initial.at("FRA").size(), 1u);
  EXPECT_EQ(facts.initial.at("FRA")[0].dates.received.iso(), "2015-12-01");
  EXPECT_FALSE(facts.initial.at("FRA")[0].nil) << "an initial report is never a nil report";

  const auto france = report_facts(*db_, database_owner(), std::string("FRA"));
  EXPECT_EQ(france.annual.size(), 1u);
  EXPECT_FALSE(france.annual.at(2022).count("DEU")) << "one State's versions only";
  // The per-year read gives the same versions as the read of every report.
  EXPECT_EQ(version_facts(*db_, database_owner(), 2022).at("FRA").size(), 2u);
  EXPECT_EQ(version_facts(*db_, database_owner(), std::nullopt).at("FRA").size(), 1u);
}

// For every kind of viewer: the dates and visibility of every version, and the nil flag exactly
// where the read rule, evaluated in C++, lets the viewer read both tables of the version.
TEST_P(ComplianceFacts, TheNilFlagOnlyWhereTheWholeVersionIsReadable) {
  using auth::Role;
  const std::map<std::string, auth::Viewer> viewers = {
      {"anonymous", auth::Viewer::anonymous()},
      {"observer", viewer({Role::observer})},
      {"representative of a party", viewer({Role::state_representative}, "ITA")},
      {"representative of a signatory", viewer({Role::state_representative}, "USA")},
      {"reporting officer of France", viewer({Role::state_representative, Role::reporting_officer}, "FRA")},
      {"chair", viewer({Role::chair})},
      {"secretariat", viewer({Role::secretariat})},
      {"administrator", viewer({Role::administrator})},
  };
  const auto all = report_facts(*db_, database_owner());
  for (const auto& [name, who] : viewers) {
    const auto facts = report_facts(*db_, who);
    for (const auto& [year, by_state] : all.annual) {
      for (const auto& [state, versions] : by_state) {
        const auto& seen = facts.annual.at(year).at(state);
        ASSERT_EQ(seen.size(), versions.size()) << name << " " << state << " " << year << ": the status is public";
        for (std::size_t i = 0; i < versions.size(); ++i) {
          EXPECT_EQ(seen[i].dates.received, versions[i].dates.received) << name;
          EXPECT_EQ(seen[i].visibility, versions[i].visibility) << name;
          const auto row = db_->query(
              "SELECT v.status, v.visibility, v.exports_visibility, v.imports_visibility FROM report_versions v"
              " JOIN reports r ON r.id = v.report_id WHERE r.reporting_state = $1 AND r.year = $2 AND r.type = 'annual'"
              " AND v.version_no = $3",
              {state, std::int64_t{year}, seen[i].version_no});
          ASSERT_EQ(row.size(), 1u);
          const auto restricted = [&](int column) {
            const auto table = row[0].is_null(column) ? row[0].text(1) : row[0].text(column);
            return table == "restricted";
          };
          const bool recalled = row[0].text(0) == "recalled";
          const bool whole = auth::may_read_report(who, {state, false, recalled, restricted(2)}) &&
                             auth::may_read_report(who, {state, false, recalled, restricted(3)});
          EXPECT_EQ(seen[i].nil.has_value(), whole) << name << " " << state << " " << year << " v" << i + 1;
        }
      }
    }
  }
  const auto anonymous = report_facts(*db_, auth::Viewer::anonymous());
  EXPECT_FALSE(anonymous.annual.at(2022).at("FRA")[0].nil) << "restricted: not for the public";
  EXPECT_EQ(anonymous.annual.at(2022).at("FRA")[1].nil, false) << "public";
  EXPECT_FALSE(anonymous.annual.at(2022).at("DEU")[0].nil) << "its imports are restricted";
  EXPECT_EQ(report_facts(*db_, viewer({Role::state_representative}, "ITA")).annual.at(2022).at("DEU")[0].nil, false)
      << "a party's representative reads restricted tables";
}

INSTANTIATE_TEST_SUITE_P(BothDatabases, ComplianceFacts, ::testing::ValuesIn(testing::database_kinds()),
                         [](const auto& test_info) { return test_info.param; });

}  // namespace
}  // namespace att::reporting
