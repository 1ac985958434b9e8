// Who may read which version, proven on real databases: every kind of viewer against every kind
// of version, once through the rule evaluated in C++ and once through its SQL form, which must
// give the same answers; then the stores' lists must give exactly those answers too.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "auth/policy.hpp"
#include "reporting/initial_reports_store.hpp"
#include "reporting/reports_store.hpp"
#include "reporting/version_rows.hpp"
#include "test_support.hpp"

namespace att::reporting {
using namespace att::literals;
namespace {

using reports::Visibility;

const Timestamp now = "2026-11-27T10:00:00Z"_utc;

reports::AnnualReport annual(const std::string& state, int year, Visibility visibility) {
  return testing::one_line_each_way(state, year, visibility);
}

class ReadRule : public testing::OnBothDatabasesWithRegister {
 protected:
  void SetUp() override {
    OnBothDatabasesWithRegister::SetUp();
    if (IsSkipped() || HasFailure()) return;
    store::Transaction transaction(*db_);
    // A party, another party and a signatory, each with every kind of version.
    for (const std::string state : {"FRA", "DEU", "USA"}) plant(state);
    transaction.commit();
  }

  void plant(const std::string& state) {
    const auto submitted = [&](int year, Visibility visibility) {
      submit(*db_, {annual(state, year, visibility), Channel::online, std::nullopt, false, {}}, now);
    };
    auto mixed = annual(state, 2019, Visibility::public_report);  // public exports, restricted imports
    mixed.imports_visibility = Visibility::restricted;
    submit(*db_, {mixed, Channel::online, std::nullopt, false, {}}, now);
    auto mixed_other_way = annual(state, 2018, Visibility::restricted);
    mixed_other_way.exports_visibility = Visibility::public_report;
    submit(*db_, {mixed_other_way, Channel::online, std::nullopt, false, {}}, now);
    submitted(2020, Visibility::public_report);
    submitted(2021, Visibility::restricted);
    submitted(2022, Visibility::public_report);  // superseded by a restricted amendment
    submitted(2022, Visibility::restricted);
    submitted(2023, Visibility::restricted);  // superseded by a public amendment
    submitted(2023, Visibility::public_report);
    submitted(2024, Visibility::public_report);  // then recalled
    recall_current(*db_, state, 2024, "sent by mistake", now);
    save_draft(*db_, annual(state, 2025, Visibility::public_report), std::nullopt, now);
    reports::InitialReport initial;
    initial.reporting_state = state;
    initial.template_id = "att-initial-2015";
    initial.visibility = Visibility::restricted;
    submit_initial(*db_, initial, Channel::online, std::nullopt, std::nullopt, now);
    initial.visibility = Visibility::public_report;
    save_initial_draft(*db_, initial, std::nullopt, now);
  }

  // Every kind of viewer the policy knows, made as the web layer makes them.
  std::map<std::string, auth::Viewer> viewers() const {
    const auto as = [&](std::set<auth::Role> roles, std::optional<std::string> state, bool second_factor_done = true) {
      return auth::viewer_for({7, "x@example.org", "X", std::move(roles), std::move(state), true, true}, register_,
                              Date::from_ymd(2026, 11, 27), second_factor_done);
    };
    using auth::Role;
    return {
        {"anonymous", auth::Viewer::anonymous()},
        {"observer", as({Role::observer}, std::nullopt)},
        {"representative of a party", as({Role::state_representative}, "ITA")},
        {"representative of the State itself", as({Role::state_representative}, "FRA")},
        {"representative of a signatory", as({Role::state_representative}, "USA")},
        {"representative of a non-member", as({Role::state_representative}, "VAT")},
        {"reporting officer of the State", as({Role::state_representative, Role::reporting_officer}, "FRA")},
        {"reporting officer of another State", as({Role::state_representative, Role::reporting_officer}, "DEU")},
        {"reporting officer of a signatory", as({Role::state_representative, Role::reporting_officer}, "USA")},
        {"reporting officer without second factor",
         as({Role::state_representative, Role::reporting_officer}, "FRA", false)},
        {"chair", as({Role::chair}, std::nullopt)},
        {"secretariat", as({Role::secretariat}, std::nullopt)},
        {"secretariat awaiting its code", as({Role::secretariat}, std::nullopt, false)},
        {"administrator", as({Role::administrator}, std::nullopt)},
    };
  }

  // What the rule evaluated in C++ allows, from every stored version's facts: a version is
  // listed to whoever may read one of its tables; `whole`: to whoever may read both.
  std::set<std::int64_t> readable_in_cpp(const auth::Viewer& viewer, bool whole = false) {
    std::set<std::int64_t> ids;
    for (const auto& row : db_->query(std::string(version_summary_select))) {
      const auto summary = summary_from(row);
      const bool exports = auth::may_read_report(viewer, facts_of(summary, reports::Direction::exports));
      const bool imports = auth::may_read_report(viewer, facts_of(summary, reports::Direction::imports));
      if (whole ? exports && imports : exports || imports) ids.insert(summary.version_id);
    }
    return ids;
  }

  static auth::ReportFacts facts_of(const VersionSummary& summary, reports::Direction table) {
    const auto visibility = (table == reports::Direction::exports ? summary.exports_visibility
                                                                  : summary.imports_visibility)
                                .value_or(summary.visibility);
    return {summary.reporting_state, summary.status == reports::VersionStatus::draft,
            summary.status == reports::VersionStatus::recalled,
            visibility == Visibility::restricted};
  }

  // What the database returns under the rule's SQL form.
  std::set<std::int64_t> readable_in_sql(const auth::Viewer& viewer, bool whole = false) {
    store::Params params;
    const auto sql = "SELECT v.id FROM report_versions v JOIN reports r ON r.id = v.report_id WHERE" +
                     (whole ? wholly_readable_by(viewer, params) : readable_by(viewer, params));
    std::set<std::int64_t> ids;
    for (const auto& row : db_->query(sql, params)) ids.insert(row.integer(0));
    return ids;
  }

  std::set<std::int64_t> all_ids() {
    std::set<std::int64_t> ids;
    for (const auto& row : db_->query("SELECT id FROM report_versions")) ids.insert(row.integer(0));
    return ids;
  }
};

TEST_P(ReadRule, BothFormsGiveTheSameAnswerForEveryViewerAndVersion) {
  ASSERT_EQ(all_ids().size(), 3u * 12u);
  std::set<std::size_t> distinct_answers;
  for (const auto& [who, viewer] : viewers()) {
    const auto in_cpp = readable_in_cpp(viewer);
    EXPECT_EQ(in_cpp, readable_in_sql(viewer)) << who;
    EXPECT_EQ(readable_in_cpp(viewer, true), readable_in_sql(viewer, true)) << who << ", whole versions";
    distinct_answers.insert(in_cpp.size());
  }
  // The matrix is only worth something if the viewers actually differ.
  EXPECT_GE(distinct_answers.size(), 4u);
}

TEST_P(ReadRule, TheExtremesAreWhatThePolicySays) {
  const auto known = viewers();
  EXPECT_EQ(readable_in_sql(known.at("secretariat")), all_ids()) << "the Secretariat reads everything";
  // The public: per State, 2018 and 2019 (one public table each), 2020, the superseded 2022 v1 and
  // the current 2023 v2.
  EXPECT_EQ(readable_in_sql(known.at("anonymous")).size(), 3u * 5u);
  for (const auto& who : {"anonymous", "observer", "chair", "administrator", "secretariat awaiting its code"})
    EXPECT_EQ(readable_in_sql(known.at(who)), readable_in_sql(known.at("anonymous"))) << who;
}

TEST_P(ReadRule, StoresListExactlyWhatTheRuleAllows) {
  for (const auto& [who, viewer] : viewers()) {
    const auto allowed = readable_in_cpp(viewer);
    const auto allows = [&](std::int64_t id) { return allowed.contains(id); };
    for (const std::string state : {"FRA", "DEU", "USA"}) {
      for (int year = 2018; year <= 2025; ++year) {
        const auto every =
            report_versions(*db_, database_owner(), state, year);  // the owner reads all: the reference
        std::size_t expected = 0;
        for (const auto& version : every) expected += allows(version.version_id) ? 1 : 0;
        const auto listed = report_versions(*db_, viewer, state, year);
        EXPECT_EQ(listed.size(), expected) << who << " " << state << " " << year;
        for (const auto& version : listed) EXPECT_TRUE(allows(version.version_id)) << who << " " << state << year;
        const auto current = current_report(*db_, viewer, state, year);
        if (current) {
          EXPECT_TRUE(allows(current->first.version_id)) << who << " " << state << year;
        }
        for (const auto& version : every) {
          const auto one = report_version(*db_, viewer, state, year, version.version_no);
          EXPECT_EQ(one.has_value(), allows(version.version_id)) << who << " " << state << year << " v" << version.version_no;
        }
      }
      const auto draft_id = db_->query("SELECT v.id FROM report_versions v JOIN reports r ON r.id = v.report_id"
                                       " WHERE r.reporting_state = $1 AND r.year = 2025 AND v.status = 'draft'",
                                       {state});
      EXPECT_EQ(load_draft(*db_, viewer, state, 2025).has_value(), allows(draft_id.at(0).integer(0))) << who << state;
    }
    for (const auto& summary : current_reports(*db_, viewer, {})) EXPECT_TRUE(allows(summary.version_id)) << who;
  }
}

TEST_P(ReadRule, SupersededIsDerivedFromEveryVersionNotOnlyTheVisibleOnes) {
  const auto versions = report_versions(*db_, auth::Viewer::anonymous(), "FRA", 2022);
  ASSERT_EQ(versions.size(), 1u) << "the restricted amendment stays hidden";
  EXPECT_EQ(versions[0].status, reports::VersionStatus::superseded);
  EXPECT_FALSE(current_report(*db_, auth::Viewer::anonymous(), "FRA", 2022)) << "the current version is restricted";
}

TEST_P(ReadRule, EachViewerReadsTheLinesOfTheTablesItMayRead) {
  std::size_t hidden_lines = 0;
  for (const auto& [who, viewer] : viewers()) {
    for (const std::string state : {"FRA", "DEU", "USA"}) {
      for (int year = 2018; year <= 2024; ++year) {
        for (const auto& version : report_versions(*db_, viewer, state, year)) {
          const auto read = report_version(*db_, viewer, state, year, version.version_no);
          ASSERT_TRUE(read) << who;
          for (const auto table : {reports::Direction::exports, reports::Direction::imports}) {
            const bool expected = auth::may_read_report(viewer, facts_of(version, table));
            const bool shown = std::any_of(read->second.lines.begin(), read->second.lines.end(),
                                           [&](const reports::ReportLine& line) { return line.direction == table; });
            EXPECT_EQ(shown, expected) << who << " " << state << year << " " << to_string(table);
            hidden_lines += shown ? 0 : 1;
          }
        }
      }
    }
  }
  EXPECT_GT(hidden_lines, 0u) << "some viewer must meet a table it may not read";
}

TEST_P(ReadRule, ThePublicSeesOnlyThePublicTableOfAMixedReport) {
  const auto read = current_report(*db_, auth::Viewer::anonymous(), "FRA", 2019);
  ASSERT_TRUE(read);
  ASSERT_EQ(read->second.lines.size(), 1u);
  EXPECT_EQ(read->second.lines[0].direction, reports::Direction::exports);
  EXPECT_EQ(read->second.imports_visibility, Visibility::restricted);
  const auto party = viewers().at("representative of a party");
  EXPECT_EQ(current_report(*db_, party, "FRA", 2019)->second.lines.size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(BothDatabases, ReadRule, ::testing::ValuesIn(testing::database_kinds()),
                         [](const auto& test_info) { return test_info.param; });

}  // namespace
}  // namespace att::reporting
