#include <gtest/gtest.h>

#include <filesystem>

#include "core/treaty_rules.hpp"
#include "test_data.hpp"

namespace att {
namespace {

TEST(EntryIntoForce, FollowsArticle22ForEveryCaseInTheTable) {
  const auto cases = testing::read_cases("eif_cases.csv");
  ASSERT_GE(cases.rows().size(), 10u);
  for (const auto& row : cases.rows()) {
    const auto deposit = Date::parse(cases.field(row, "deposit"));
    ASSERT_TRUE(deposit) << "line " << row.line;
    EXPECT_EQ(treaty::entry_into_force_for_deposit(*deposit).iso(), cases.field(row, "expected_eif"))
        << "line " << row.line << ": " << cases.field(row, "why");
  }
}

TEST(EntryIntoForce, RecordedDatesInTheRegisterAgreeWithTheRule) {
  // Where a source states the EIF date, it must be the one the rule gives: a difference would be
  // a data error worth a look.
  int checked = 0;
  for (const auto& state : testing::project_register().states()) {
    if (!state.eif_recorded || !state.deposit_date) continue;
    EXPECT_EQ(*state.eif_recorded, treaty::entry_into_force_for_deposit(*state.deposit_date)) << state.iso3;
    ++checked;
  }
  EXPECT_GT(checked, 50);
}

TEST(EntryIntoForce, MatchesTheComputedDatesOfTheSharedReference) {
  const std::filesystem::path reference = std::string(ATT_SHARED_DIR) + "/reference/states.csv";
  if (!std::filesystem::exists(reference)) GTEST_SKIP() << "no " << reference << " (only present beside the project)";
  const auto text = io::read_file(reference);
  ASSERT_TRUE(text);
  const auto table = io::CsvTable::parse(*text);
  ASSERT_TRUE(table);
  int checked = 0;
  for (const auto& row : table->rows()) {
    const auto deposit = Date::parse(table->field(row, "deposit_date"));
    if (!deposit) continue;
    EXPECT_EQ(treaty::entry_into_force_for_deposit(*deposit).iso(), table->field(row, "eif_date"))
        << table->field(row, "iso3");
    ++checked;
  }
  EXPECT_GT(checked, 100);
}

TEST(EntryIntoForce, UnknownDepositGivesNoDate) {
  StateRecord ecuador;
  ecuador.iso3 = "ECU";
  ecuador.deposit_kind = "accession";
  EXPECT_TRUE(ecuador.deposit_date_unknown());
  EXPECT_FALSE(ecuador.entry_into_force());
}

}  // namespace
}  // namespace att
