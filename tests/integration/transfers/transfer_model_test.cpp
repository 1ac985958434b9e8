// The transfers read model on real databases (SQLite and PostgreSQL): every kind of viewer
// against every kind of data, for rows, totals, summaries, mirror pairs and text hits, as
// tests/integration/data/transfers_visibility.csv says and as the read rule's SQL form answers;
// and the model follows the database at once, in any number of processes.
#include "reporting/transfers/transfer_model.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "reporting/reports_store.hpp"
#include "reporting/transfers/line_selection.hpp"
#include "reporting/transfers/transfer_mirror.hpp"
#include "reporting/transfers/transfer_rows.hpp"
#include "reporting/transfers/transfer_summary.hpp"
#include "reporting/version_rows.hpp"
#include "store/open_database.hpp"
#include "test_support.hpp"
#include "transfers/transfers_fixture.hpp"

namespace att::transfers {
using namespace att::literals;
namespace {

class TransferModelTest : public testing::OnBothDatabasesWithRegister {
 protected:
  void SetUp() override {
    OnBothDatabasesWithRegister::SetUp();
    if (IsSkipped() || HasFailure()) return;
    testing::plant_every_kind(*db_);
  }

  std::set<std::string> kinds_selected(const LineTable& table, const auth::Viewer& viewer,
                                       const TransferFilter& filter = {}) {
    std::set<std::string> kinds;
    for (const auto line : select_lines(table, viewer, filter, register_)) {
      const auto kind = testing::kind_of_description(table.descriptions.text(table.description[line]));
      if (!kind.empty()) kinds.insert(kind);
    }
    return kinds;
  }

  // The same question asked of the database through the read rule's SQL form.
  std::multiset<std::string> descriptions_in_sql(const auth::Viewer& viewer) {
    store::Params params;
    const auto sql = std::string(
                         "SELECT l.description FROM report_lines l JOIN report_versions v ON v.id = l.version_id"
                         " JOIN reports r ON r.id = v.report_id WHERE r.type = 'annual' AND") +
                     reporting::current_version_condition + " AND" + reporting::lines_readable_by(viewer, params);
    std::multiset<std::string> descriptions;
    for (const auto& row : db_->query(sql, params)) descriptions.insert(row.text(0));
    return descriptions;
  }

  TransferModel model_;
};

TEST_P(TransferModelTest, EachViewerSeesExactlyItsKindsInRowsTotalsSummariesMirrorAndTextHits) {
  const auto table = model_.current(*db_);
  const auto expected = testing::expected_kinds();
  const auto viewers = testing::transfer_viewers(register_);
  ASSERT_EQ(expected.size(), viewers.size()) << "every viewer of the file exists, and only those";
  std::set<std::size_t> distinct;
  for (const auto& [who, viewer] : viewers) {
    const auto& kinds = expected.at(who);
    distinct.insert(kinds.size());
    // Rows.
    EXPECT_EQ(kinds_selected(*table, viewer), kinds) << who;
    const auto selected = select_lines(*table, viewer, {}, register_);
    std::multiset<std::string> in_model;
    for (const auto line : selected) in_model.insert(table->descriptions.text(table->description[line]));
    EXPECT_EQ(in_model, descriptions_in_sql(viewer)) << who << ": the read rule's SQL form agrees";
    // Totals and summaries: one group per year, each line counted once.
    const auto totals = summarise(*table, selected, {}, false, {}, 100, register_);
    std::int64_t lines = 0;
    for (const auto& group : totals.groups) lines += group.lines;
    EXPECT_EQ(lines, static_cast<std::int64_t>(kinds.size()) + 1) << who << ": the kinds and DEU's import";
    const auto by_year = summarise(*table, selected, {GroupField::year}, true, {}, 100, register_);
    std::set<std::string> years;
    for (const auto& group : by_year.groups) years.insert(group.keys.at(0));
    std::set<std::string> expected_years{"2016"};
    for (const auto& kind : kinds) expected_years.insert(std::to_string(testing::year_of_kind.at(kind)));
    EXPECT_EQ(years, expected_years) << who;
    // Text hits, whatever the case and accents of the search.
    for (const auto& [kind, year] : testing::year_of_kind) {
      TransferFilter search;
      search.text = "KIND " + kind + " ÉND";
      EXPECT_EQ(select_lines(*table, viewer, search, register_).size(), kinds.contains(kind) ? 1u : 0u)
          << who << " searching " << kind;
    }
    // Mirror pairs: FRA's figures appear on a side only when the viewer may see them.
    std::set<std::string> sides;
    for (const auto& pair : mirror(*table, selected, {})) {
      if (pair.exporter == "FRA" && pair.exporter_side) sides.insert("export " + std::to_string(pair.year));
      if (pair.importer == "FRA" && pair.importer_side) sides.insert("import " + std::to_string(pair.year));
    }
    std::set<std::string> expected_sides;
    for (const auto& kind : kinds)
      expected_sides.insert((kind == "restricted_table" ? "import " : "export ") +
                            std::to_string(testing::year_of_kind.at(kind)));
    EXPECT_EQ(sides, expected_sides) << who;
  }
  EXPECT_GE(distinct.size(), 2u) << "the viewers differ";
}

TEST_P(TransferModelTest, FiltersSortsAndPages) {
  const auto table = model_.current(*db_);
  const auto secretariat = testing::transfer_viewers(register_).at("secretariat");
  TransferFilter filter;
  filter.categories = {"I"};
  filter.direction = reports::Direction::exports;
  filter.year_from = 2017;
  filter.year_to = 2021;
  EXPECT_EQ(kinds_selected(*table, secretariat, filter),
            (std::set<std::string>{"restricted", "public_table", "amendment"}));
  filter = {};
  filter.reporters = {"DEU"};
  EXPECT_EQ(select_lines(*table, secretariat, filter, register_).size(), 1u);
  filter.reporters.clear();
  filter.region = "Europe";
  EXPECT_EQ(select_lines(*table, secretariat, filter, register_).size(), 6u);
  filter.region = "Africa";
  EXPECT_TRUE(select_lines(*table, secretariat, filter, register_).empty());
  filter = {};
  filter.categories = {"VIII"};
  EXPECT_TRUE(select_lines(*table, secretariat, filter, register_).empty()) << "category I is not under VIII";

  const auto all = select_lines(*table, secretariat, {}, register_);
  const auto page = page_of(*table, all, {{RowField::items, true}, {RowField::year, false}}, 1, 2);
  EXPECT_EQ(page.total, 6u);
  ASSERT_EQ(page.lines.size(), 2u);
  EXPECT_EQ(table->items[page.lines[0]], 5);
  EXPECT_EQ(table->year[page.lines[0]], 2017) << "the second of the lines of 5 items, by year";
  EXPECT_EQ(page_of(*table, all, {}, 6, 10).lines.size(), 0u);

  const auto by_reporter =
      summarise(*table, all, {GroupField::reporter}, false, {{std::nullopt, Measure::items, true}}, 1, register_);
  EXPECT_EQ(by_reporter.total_groups, 2u);
  ASSERT_EQ(by_reporter.groups.size(), 1u);
  EXPECT_EQ(by_reporter.groups[0].keys, (std::vector<std::string>{"FRA", "actual"})) << "basis added, never mixed";
  EXPECT_EQ(by_reporter.groups[0].items, 22);
  EXPECT_EQ(by_reporter.groups[0].reports, 4);
  EXPECT_DOUBLE_EQ(by_reporter.groups[0].values.at("EUR"), 5 * 1000.50);

  const auto pairs = mirror(*table, all, {});
  const auto first = std::find_if(pairs.begin(), pairs.end(), [](const MirrorPair& p) { return p.year == 2016; });
  ASSERT_NE(first, pairs.end());
  EXPECT_EQ(first->exporter_side->items, 5);
  EXPECT_EQ(first->importer_side->items, 4);
  EXPECT_EQ(first->discrepancies, std::vector<Discrepancy>{Discrepancy::items_differ});
}

TEST_P(TransferModelTest, ASubmissionOrARecallIsSeenByTheNextQueryOfEveryProcess) {
  // A second process: its own connection and its own model.
  auto other_db = store::open_database(location_);
  TransferModel other;
  const auto anonymous = auth::Viewer::anonymous();
  EXPECT_EQ(select_lines(*model_.current(*db_), anonymous, {}, register_).size(), 4u);
  EXPECT_EQ(select_lines(*other.current(*other_db), anonymous, {}, register_).size(), 4u);

  reports::AnnualReport report;
  report.reporting_state = "ITA";
  report.year = 2022;
  report.template_id = "annual-2017";
  report.visibility = reports::Visibility::public_report;
  reports::ReportLine line;
  line.category = "II";
  line.partner_state = "FRA";
  line.items = 3;
  report.lines = {line, line};
  reporting::submit(*db_, {report, reporting::Channel::online, std::nullopt, false, {}}, "2026-11-28T10:00:00Z"_utc);
  EXPECT_EQ(select_lines(*other.current(*other_db), anonymous, {}, register_).size(), 6u) << "a submission";

  reporting::recall_current(*other_db, "FRA", 2021, "wrong figures", "2026-11-28T11:00:00Z"_utc);
  const auto after_recall = model_.current(*db_);
  EXPECT_EQ(kinds_selected(*after_recall, anonymous), (std::set<std::string>{"public", "public_table", "superseded"}))
      << "the recalled amendment goes, the version it replaced is current again";
  EXPECT_EQ(select_lines(*other.current(*other_db), anonymous, {}, register_).size(), 6u);
}

INSTANTIATE_TEST_SUITE_P(Databases, TransferModelTest, ::testing::ValuesIn(testing::database_kinds()));

}  // namespace
}  // namespace att::transfers
