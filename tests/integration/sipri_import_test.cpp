// The SIPRI trade register as a reference dataset, on SQLite and PostgreSQL: a hand-made sample
// in SIPRI's format (ISO-8859-1, preamble, '?' marks, line breaks in Comments), files that are
// refused whole, the weapon-description rules as data, and the real export when it is at hand.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>

#include "reporting/sipri_import.hpp"
#include "store/open_database.hpp"
#include "test_support.hpp"

#ifndef ATT_SHARED_DIR
#error "ATT_SHARED_DIR (the folder of shared data beside the repository) must be defined for this test"
#endif

namespace att::reporting {
using namespace att::literals;
namespace {

const std::string sample_path = ATT_TEST_DATA_DIR "/sipri-sample.csv";
const std::string rules_path = ATT_DATA_DIR "/sipri-weapon-categories.csv";
const std::string real_export_path = ATT_SHARED_DIR "/data/sipri-trade-register-2025-03-13.csv";
const Timestamp now = "2026-01-01T00:00:00Z"_utc;

std::size_t count_of(const std::vector<NameCount>& list, const std::string& name) {
  const auto at = std::find_if(list.begin(), list.end(), [&](const NameCount& n) { return n.name == name; });
  return at == list.end() ? 0 : at->count;
}

class SipriImport : public testing::OnBothDatabasesWithRegister {
 protected:
  void SetUp() override {
    OnBothDatabasesWithRegister::SetUp();
    if (IsSkipped() || HasFailure()) return;
    rules_ = load_category_rules(rules_path);
    sample_ = testing::file_content(sample_path);
    ASSERT_FALSE(sample_.empty()) << sample_path;
  }

  SipriImportResult import(const std::string& bytes) {
    return import_sipri_trade_register(*db_, bytes, register_, rules_, "sample", now);
  }

  std::int64_t count(const std::string& table) { return db_->query("SELECT COUNT(*) FROM " + table).at(0).integer(0); }

  // The stored record of that weapon designation (each appears once in the sample).
  store::Row transfer(const std::string& designation) {
    const auto rows = db_->query(
        "SELECT recipient_state, recipient_name, supplier_state, supplier_name, order_year, order_year_uncertain,"
        " number_ordered, number_delivered, weapon_description, category, delivery_years, status, comments,"
        " tiv_per_unit, tiv_total_order, tiv_delivered, record_no, number_ordered_uncertain,"
        " number_delivered_uncertain FROM reference_transfers"
        " WHERE weapon_designation = $1",
        {designation});
    if (rows.size() != 1) throw std::runtime_error(designation + ": " + std::to_string(rows.size()) + " rows");
    return rows.front();
  }

  // What a refusal must say: its code, and where given, its line, column and parameters.
  struct Refusal {
    std::string code;
    std::optional<std::size_t> line = std::nullopt;
    std::string column = "";
    std::map<std::string, std::string> params = {};
  };

  // Imports a broken file and checks it is refused with that problem, writing nothing.
  void expect_refused(const std::string& bytes, const Refusal& expected) {
    try {
      import(bytes);
      ADD_FAILURE() << "imported, expected: " << expected.code;
    } catch (const SipriImportError& error) {
      const auto& problem = error.problem();
      EXPECT_EQ(problem.code, expected.code);
      if (expected.line) {
        EXPECT_EQ(problem.line, *expected.line) << expected.code;
      }
      EXPECT_EQ(problem.column, expected.column) << expected.code;
      for (const auto& [name, value] : expected.params) {
        const auto found = problem.params.find(name);
        EXPECT_EQ(found == problem.params.end() ? "(none)" : found->second, value) << expected.code << ": " << name;
      }
    }
    EXPECT_EQ(count("reference_datasets"), 0);
    EXPECT_EQ(count("reference_transfers"), 0);
  }

  // The sample with the first `from` in it replaced by `to`.
  [[nodiscard]] std::string sample_with(const std::string& from, const std::string& to) const {
    auto changed = sample_;
    changed.replace(changed.find(from), from.size(), to);
    return changed;
  }

  std::vector<CategoryRule> rules_;
  std::string sample_;
};

TEST_P(SipriImport, SampleImportsWithCountsCategoriesAndStates) {
  const auto result = import(sample_);
  EXPECT_EQ(result.records, 13u);
  EXPECT_EQ(result.generated, "2025-01-02T15:04:05");
  EXPECT_EQ(result.with_category, 10u);
  EXPECT_EQ(result.recipients_resolved, 10u) << "not: the rebels, NATO, the unknown recipient";
  EXPECT_EQ(result.suppliers_resolved, 11u) << "not: the Soviet Union, Czechoslovakia";
  EXPECT_EQ(count_of(result.unresolved_names, "Soviet Union"), 1u);
  EXPECT_EQ(count_of(result.unresolved_names, "Czechoslovakia"), 1u);
  EXPECT_EQ(count_of(result.unresolved_names, "Example rebels (Chad)*"), 1u);
  EXPECT_EQ(count_of(result.unresolved_names, "NATO**"), 1u);
  EXPECT_EQ(count_of(result.unresolved_names, "unknown recipient(s)"), 1u);
  EXPECT_EQ(result.unresolved_names.size(), 5u);
  ASSERT_EQ(result.unmatched_descriptions.size(), 1u);
  EXPECT_EQ(result.unmatched_descriptions[0].name, "laser dazzler");
  EXPECT_EQ(result.uncategorised_descriptions.size(), 3u);

  const auto dataset =
      db_->query("SELECT id, source, name, generated, imported_at, record_count FROM reference_datasets");
  ASSERT_EQ(dataset.size(), 1u);
  EXPECT_EQ(dataset[0].integer(0), result.dataset_id);
  EXPECT_EQ(dataset[0].text(1), "SIPRI Arms Transfers Database");
  EXPECT_EQ(dataset[0].text(2), "sample");
  EXPECT_EQ(dataset[0].text(3), "2025-01-02T15:04:05");
  EXPECT_EQ(dataset[0].text(4), now.iso());
  EXPECT_EQ(dataset[0].integer(5), 13);
  EXPECT_EQ(count("reference_transfers"), 13);

  const auto tank = transfer("Sample-Tank-1");
  EXPECT_EQ(tank.text(0), "FRA");
  EXPECT_EQ(tank.text(2), "DEU");
  EXPECT_EQ(tank.text(9), "I");
  EXPECT_EQ(tank.integer(16), 1) << "records are numbered in file order";
  const auto soviet = transfer("Sample-Tank-2");
  EXPECT_EQ(soviet.text(0), "EGY");
  EXPECT_TRUE(soviet.is_null(2)) << "the Soviet Union is no State of the register";
  EXPECT_EQ(soviet.text(3), "Soviet Union");
  const auto rebels = transfer("Sample-APC");
  EXPECT_TRUE(rebels.is_null(0));
  EXPECT_EQ(rebels.text(1), "Example rebels (Chad)*");
  EXPECT_EQ(rebels.text(2), "LBY");
  EXPECT_EQ(rebels.text(9), "II");
  EXPECT_EQ(transfer("Sample-Frigate").text(0), "CIV");

  const auto category = [&](const std::string& designation) {
    const auto row = transfer(designation);
    return row.is_null(9) ? std::string("NULL") : row.text(9);
  };
  EXPECT_EQ(category("Sample-Jet Modernisé"), "IV.a") << "ISO-8859-1 read as such";
  EXPECT_EQ(category("Sample-Fighter"), "IV.a");
  EXPECT_EQ(category("Sample-Drone"), "VII.a");
  EXPECT_EQ(category("Sample-ATGM"), "VII.a") << "an anti-tank missile is no tank";
  EXPECT_EQ(category("Sample-MANPADS"), "VII.b");
  EXPECT_EQ(category("Sample-Frigate"), "VI");
  EXPECT_EQ(category("Sample-Lifter"), "NULL") << "transport aircraft are outside the treaty's categories";
  EXPECT_EQ(category("Sample-Tanker"), "NULL") << "a tanker is no tank";
  EXPECT_EQ(category("Sample-Dazzler"), "NULL");
}

TEST_P(SipriImport, UncertaintyMarksEmptyNumbersAndLineBreaksInComments) {
  const auto read = read_sipri_trade_register(sample_, register_, rules_);
  ASSERT_EQ(read.records.size(), 13u);
  const auto& certain = read.records[0];
  EXPECT_EQ(certain.line, 13u);
  EXPECT_FALSE(certain.order_year_uncertain || certain.number_ordered_uncertain || certain.number_delivered_uncertain);
  const auto& soviet = read.records[1];
  EXPECT_TRUE(soviet.order_year_uncertain);
  EXPECT_TRUE(soviet.number_ordered_uncertain);
  EXPECT_TRUE(soviet.number_delivered_uncertain);
  const auto& peru = read.records[10];
  EXPECT_TRUE(peru.order_year_uncertain);
  EXPECT_FALSE(peru.number_ordered_uncertain);

  import(sample_);
  const auto stored_soviet = transfer("Sample-Tank-2");
  EXPECT_EQ(stored_soviet.integer(4), 1974);
  EXPECT_EQ(stored_soviet.integer(5), 1) << "order year uncertain";
  EXPECT_EQ(stored_soviet.integer(17), 1) << "number ordered uncertain";
  EXPECT_EQ(stored_soviet.integer(18), 1) << "number delivered uncertain";
  EXPECT_EQ(transfer("Sample-Tank-1").integer(5), 0);
  EXPECT_EQ(transfer("Sample-Tank-1").integer(17), 0);
  EXPECT_EQ(transfer("Sample-Tank-1").integer(18), 0);

  // A quoted comment holding a comma and a line break; an empty number ordered and TIV.
  const auto quoted = transfer("Sample-APC-2");
  EXPECT_EQ(quoted.text(12), "Quoted, with a comma\nand a second line");
  EXPECT_TRUE(quoted.is_null(6)) << "number ordered not known";
  EXPECT_EQ(quoted.integer(7), 50);
  EXPECT_TRUE(quoted.is_null(14));
  EXPECT_EQ(quoted.text(15), "5");
  // SIPRI's own way: a line break left unquoted at the end of Comments; the record goes on below.
  const auto unquoted = transfer("Sample-Fighter");
  EXPECT_EQ(unquoted.text(12), "Assembled locally; ends with a raw line break\n");
  EXPECT_EQ(unquoted.text(13), "50");
  EXPECT_EQ(unquoted.text(14), "1800");
  EXPECT_EQ(unquoted.text(15), "500");
  EXPECT_EQ(unquoted.text(10), "2022; 2023");
  // An order year not known; no TIV of deliveries.
  const auto unknown_year = transfer("Sample-Jet Modernisé");
  EXPECT_TRUE(unknown_year.is_null(4));
  EXPECT_EQ(unknown_year.integer(5), 0);
  EXPECT_EQ(unknown_year.text(13), "40");
  EXPECT_TRUE(unknown_year.is_null(15));
  EXPECT_EQ(unknown_year.integer(7), 0) << "none delivered yet";
  EXPECT_FALSE(unknown_year.is_null(7));
  EXPECT_EQ(transfer("Sample-Tank-1").text(11), "Second hand");
  // The records after the two line breaks keep their own line numbers.
  EXPECT_EQ(read.records[3].line, 16u);
  EXPECT_EQ(read.records[4].line, 18u);
  EXPECT_EQ(read.records[7].line, 21u);
  EXPECT_EQ(read.records[8].line, 23u);
}

TEST_P(SipriImport, AFileThatIsNotSiprisIsRefusedAndNothingIsWritten) {
  expect_refused(
      "reporting_state,year,direction,category,partner_state,items,value,currency,basis,description,comments,"
      "state_of_origin,intermediate_location\nFRA,2022,export,I,BEL,1,,,,,,,\n",
      {"sipri_no_header", 0, "", {{"header", "Recipient,Supplier,Year of order"}, {"lines", "40"}}});
  expect_refused("", {"sipri_no_header", 0});
  // SIPRI's header without SIPRI's notes before it.
  const auto header_at = sample_.find("Recipient,Supplier");
  expect_refused(sample_.substr(header_at), {"sipri_no_source_line", 1});
  // Another SIPRI table: the notes are there, the columns are not the trade register's.
  expect_refused(sample_with("Number ordered, ,", "Number of units, ,"),
                 {"sipri_header_column", std::nullopt, "5", {{"value", "Number of units"}, {"expected", "Number ordered"}}});
  expect_refused(sample_with(",SIPRI TIV of delivered weapons", ""),
                 {"sipri_header_column_count", std::nullopt, "", {{"found", "15"}, {"expected", "16"}}});
}

TEST_P(SipriImport, ATruncatedRecordIsRefusedWithItsLineAndNothingIsWritten) {
  // The file cut in the middle of its last record.
  const auto cut = sample_.substr(0, sample_.rfind(",4,,2024,New"));
  expect_refused(cut, {"sipri_record_cut_short", 27, "", {{"found", "8"}, {"expected", "16"}}});
  // A record short of fields in the middle of the file, followed by a whole one.
  expect_refused(sample_with("Sample-Tank-2,tank,20,?,1975,New,,1.2,24,24", "Sample-Tank-2,tank"),
                 {"sipri_record_not_completed", 14, "", {{"found", "8"}, {"next_line", "15"}}});
  // A quoted field never closed.
  expect_refused(sample_ + "Chile,Peru,2023,,1,,X,tank,1,,2024,New,\"never closed,1,1,1\n",
                 {"csv_unterminated_quote", 28});
  // Values that are not what the column holds.
  expect_refused(sample_with(",20,?,1975", ",20a,?,1975"), {"sipri_not_whole_number", 14, "Number delivered", {{"value", "20a"}}});
  expect_refused(sample_with("1974,?,20", "1974,!,20"), {"sipri_bad_uncertainty_mark", 14, "Year of order", {{"value", "!"}}});
  expect_refused(sample_with(",1.2,24,24", ",1.2.3,24,24"), {"sipri_not_number", 14, "SIPRI TIV per unit", {{"value", "1.2.3"}}});
  expect_refused(sample_with("2 Jan 2025", "yesterday!"), {"sipri_bad_generated_date", 11, "", {{"value", "Data generated: yesterday! 03:04:05 PM"}}});
  expect_refused(sample_.substr(0, sample_.find("France,Germany")), {"sipri_no_deals", 0});
}

TEST_P(SipriImport, AWriteThatFailsHalfWayLeavesNothingBehind) {
  // The dataset row goes in, then the records cannot: the dataset row must not stay.
  db_->execute_script("DROP TABLE reference_transfers");
  EXPECT_THROW(import(sample_), store::DatabaseError);
  EXPECT_EQ(count("reference_datasets"), 0);
}

INSTANTIATE_TEST_SUITE_P(BothDatabases, SipriImport, ::testing::ValuesIn(testing::database_kinds()),
                         [](const auto& test_info) { return test_info.param; });

TEST(SipriCategoryRules, ComeFromTheDataFileAndMatchWholeWordsFirstRuleFirst) {
  const auto rules = load_category_rules(rules_path);
  ASSERT_GT(rules.size(), 50u);
  const auto category = [&](const std::string& description) {
    const auto* rule = match_category(rules, description);
    return rule ? (rule->category.empty() ? std::string("none") : rule->category) : std::string("no rule");
  };
  EXPECT_EQ(category("tank"), "I");
  EXPECT_EQ(category("Tank"), "I") << "case does not matter";
  EXPECT_EQ(category("light tank"), "II");
  EXPECT_EQ(category("tank turret"), "none") << "a part, not the vehicle";
  EXPECT_EQ(category("tanker"), "none");
  EXPECT_EQ(category("anti-tank missile"), "VII.a");
  EXPECT_EQ(category("APC"), "II");
  EXPECT_EQ(category("self-propelled gun"), "III");
  EXPECT_EQ(category("FGA aircraft"), "IV.a");
  EXPECT_EQ(category("combat aircraft radar"), "none");
  EXPECT_EQ(category("transport aircraft"), "none");
  EXPECT_EQ(category("armed UAV"), "IV.b");
  EXPECT_EQ(category("UAV"), "none");
  EXPECT_EQ(category("combat helicopter"), "V.a");
  EXPECT_EQ(category("frigate"), "VI");
  EXPECT_EQ(category("missile boat"), "VI");
  EXPECT_EQ(category("anti-submarine torpedo"), "none") << "a torpedo is no submarine";
  EXPECT_EQ(category("portable SAM"), "VII.b");
  EXPECT_EQ(category("SAM"), "VII.a");
  EXPECT_EQ(category("anti-radar missile"), "VII.a");
  EXPECT_EQ(category("a description nobody wrote a rule for"), "no rule");
}

TEST(SipriCategoryRules, AMalformedRulesFileIsRefusedWithItsLine) {
  // "code line column value" of the refusal, or "accepted".
  const auto refused = [](const std::string& text) {
    try {
      parse_category_rules(text);
    } catch (const SipriImportError& error) {
      const auto& problem = error.problem();
      const auto value = problem.params.find("value");
      return problem.code + " " + std::to_string(problem.line) + " " + problem.column + " " +
             (value == problem.params.end() ? "" : value->second);
    }
    return std::string("accepted");
  };
  EXPECT_EQ(refused("pattern,category\n# a comment, with a comma\ntank,I\n"), "accepted");
  EXPECT_EQ(refused("pattern,cat\n"), "sipri_rules_bad_header 1  ");
  EXPECT_EQ(refused("pattern,category\ntank,IX\n"), "sipri_rules_unknown_category 2 category IX");
  EXPECT_EQ(refused("pattern,category\ntank,I\nTank,II\n"), "sipri_rules_duplicate_pattern 3 pattern tank");
  EXPECT_EQ(refused("pattern,category\ntank\n"), "sipri_rules_field_count 2  ");
  EXPECT_EQ(refused(""), "sipri_rules_file_empty 0  ");
}

TEST(SipriCli, ImportSipriPrintsASummaryOrOneLineOfError) {
  testing::TempDir dir;
  const auto db = (dir.path() / "cli.db").string();
  ASSERT_EQ(testing::run_att({"init", "--db", db}).exit_code, 0);
  const auto imported = testing::run_att({"import-sipri", "--db", db, sample_path, "--name", "SIPRI sample"});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_NE(imported.out.find("“SIPRI sample” (data generated 2025-01-02T15:04:05): 13 records."), std::string::npos)
      << imported.out;
  EXPECT_NE(imported.out.find("with a treaty category: 10 (76.9 %)"), std::string::npos) << imported.out;
  EXPECT_NE(imported.out.find("Soviet Union (1)"), std::string::npos) << imported.out;

  const auto not_sipri = (dir.path() / "not-sipri.csv").string();
  std::ofstream(not_sipri) << "a,b\n1,2\n";
  const auto refused = testing::run_att({"import-sipri", "--db", db, not_sipri});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_EQ(refused.err, not_sipri +
                             ": error: Not a SIPRI trade register export: no header line starting “Recipient,Supplier,"
                             "Year of order” in its first 40 lines.\natt: error: nothing was imported from " +
                             not_sipri + "\n");
  // The same in the language asked for.
  setenv("ATT_LANG", "fr", 1);
  const auto en_francais = testing::run_att({"import-sipri", "--db", db, not_sipri});
  const auto summary = testing::run_att({"import-sipri", "--db", db, sample_path, "--name", "SIPRI sample"});
  unsetenv("ATT_LANG");
  EXPECT_NE(en_francais.err.find("Ce n’est pas un export du registre des transferts du SIPRI"), std::string::npos)
      << en_francais.err;
  EXPECT_NE(en_francais.err.find("rien n’a été importé de " + not_sipri), std::string::npos) << en_francais.err;
  EXPECT_NE(summary.out.find("avec une catégorie du traité : 10 (76,9 %)"), std::string::npos) << summary.out;
}

// The real export (29,515 deals), when the shared data folder is there; SQLite only, as a check
// that a whole register goes in quickly and that the rules cover it.
TEST(SipriRealExport, ImportsTheWholeTradeRegister) {
  if (!std::filesystem::exists(real_export_path))
    GTEST_SKIP() << "the SIPRI export " << real_export_path << " is not here (it is not part of the repository)";
  const auto bytes = testing::file_content(real_export_path);
  testing::TempDir dir;
  auto db = store::open_database(testing::fresh_database_location("sqlite", dir));
  testing::migrate_with_register(*db);
  const auto& states_register = testing::project_register();
  const auto rules = load_category_rules(rules_path);

  const auto started = std::chrono::steady_clock::now();
  const auto result = import_sipri_trade_register(*db, bytes, states_register, rules, "SIPRI 2025-03-13", now);
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  EXPECT_LT(seconds, 10.0);
  std::printf(
      "[          ] %zu records in %.2f s; %.1f %% with a treaty category; recipients %.1f %%, suppliers %.1f %% "
      "resolved\n",
      result.records, seconds, 100.0 * static_cast<double>(result.with_category) / static_cast<double>(result.records),
      100.0 * static_cast<double>(result.recipients_resolved) / static_cast<double>(result.records),
      100.0 * static_cast<double>(result.suppliers_resolved) / static_cast<double>(result.records));

  // 29,511 records on one line each, and 4 whose Comments hold an unquoted line break.
  EXPECT_EQ(result.records, 29515u);
  EXPECT_EQ(db->query("SELECT COUNT(*) FROM reference_transfers").at(0).integer(0), 29515);
  EXPECT_EQ(result.generated.substr(0, 10), "2025-03-13");
  EXPECT_GE(static_cast<double>(result.with_category), 0.5 * static_cast<double>(result.records));
  EXPECT_TRUE(result.unmatched_descriptions.empty())
      << "a description no rule covers: " << result.unmatched_descriptions.front().name;
  EXPECT_GT(count_of(result.unresolved_names, "Soviet Union"), 3000u);
  EXPECT_GE(static_cast<double>(result.recipients_resolved), 0.9 * static_cast<double>(result.records));

  const auto t72 = db->query(
      "SELECT category, COUNT(*) FROM reference_transfers WHERE weapon_designation LIKE 'T-72%'"
      " AND number_delivered > 0 GROUP BY category");
  ASSERT_EQ(t72.size(), 1u);
  EXPECT_EQ(t72[0].text(0), "I");
  EXPECT_GT(t72[0].integer(1), 50);
  const auto broken = db->query(
      "SELECT comments, tiv_delivered FROM reference_transfers WHERE weapon_designation = 'Hermes-900'"
      " AND recipient_name = 'United Nations**'");
  ASSERT_EQ(broken.size(), 1u);
  EXPECT_EQ(broken[0].text(0).find('\n'), broken[0].text(0).size() - 1) << "the line break ends the comment";
  EXPECT_EQ(broken[0].text(1), "9");
}

}  // namespace
}  // namespace att::reporting
