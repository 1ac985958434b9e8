#include <gtest/gtest.h>

#include "core/participation.hpp"
#include "test_data.hpp"

namespace att {
namespace {

Date day(const char* text) { return *Date::parse(text); }

const StateRecord& state(const char* iso3) {
  const auto* found = testing::project_register().find_by_code(iso3);
  if (!found) throw std::runtime_error(std::string("no ") + iso3);
  return *found;
}

TEST(StateStatus, SignatoryThenPartyThenBound) {
  const auto& france = state("FRA");  // signed 2013-06-03, deposited 2014-04-02
  EXPECT_EQ(status_on(france, day("2013-06-02")).participation, Participation::none);
  EXPECT_EQ(status_on(france, day("2013-06-03")).participation, Participation::signatory);
  const auto deposited = status_on(france, day("2014-04-02"));
  EXPECT_EQ(deposited.participation, Participation::party);
  EXPECT_FALSE(deposited.in_force);
  EXPECT_TRUE(status_on(france, day("2014-12-24")).in_force);
}

TEST(StateStatus, LateDepositIsBoundNinetyDaysLater) {
  const auto& afghanistan = state("AFG");  // accession 2020-07-29, EIF 2020-10-27
  EXPECT_EQ(status_on(afghanistan, day("2020-07-28")).participation, Participation::none);
  EXPECT_EQ(status_on(afghanistan, day("2020-07-29")).participation, Participation::party);
  EXPECT_FALSE(status_on(afghanistan, day("2020-10-26")).in_force);
  EXPECT_TRUE(status_on(afghanistan, day("2020-10-27")).in_force);
}

TEST(StateStatus, PartyWithUnknownDepositDateSaysSo) {
  const auto& ecuador = state("ECU");
  EXPECT_TRUE(ecuador.deposit_date_unknown());
  EXPECT_FALSE(ecuador.entry_into_force());
  EXPECT_EQ(status_on(ecuador, day("2026-06-01")).participation, Participation::party);
  EXPECT_FALSE(status_on(ecuador, day("2026-06-01")).in_force);
  // Before the earliest day it can have joined, it was not a party.
  EXPECT_EQ(status_on(ecuador, day("2025-12-31")).participation, Participation::none);
}

TEST(StateStatus, NeverJoinedStaysNone) {
  EXPECT_EQ(status_on(state("VAT"), day("2026-11-27")).participation, Participation::none);
  EXPECT_EQ(status_on(state("USA"), day("2026-11-27")).participation, Participation::signatory);
}

struct CountCase {
  const char* date;
  int parties;
  int signatories;
  int none;
};

// Published figures: 61 States Parties when the treaty entered into force on 24 December 2014;
// 118 States Parties, 25 signatories and 53 States with no action in 2026 (Ecuador included).
TEST(ParticipationCounts, MatchPublishedTotals) {
  for (const auto& expected : {CountCase{"2014-12-24", 61, 69, 66}, CountCase{"2026-11-27", 118, 25, 53}}) {
    const auto summary = summarise(states_on(testing::project_register(), day(expected.date)));
    EXPECT_EQ(summary.all.party, expected.parties) << expected.date;
    EXPECT_EQ(summary.all.signatory, expected.signatories) << expected.date;
    EXPECT_EQ(summary.all.none, expected.none) << expected.date;
    EXPECT_EQ(summary.all.total(), 196);
  }
}

TEST(ParticipationCounts, ByRegionOnHistoricalDates) {
  struct RegionCase {
    const char* date;
    const char* region;
    int parties;
    int signatories;
  };
  for (const auto& expected : {RegionCase{"2014-12-24", "Europe", 34, 6}, RegionCase{"2014-12-24", "Asia", 1, 15},
                               RegionCase{"2015-12-31", "Africa", 17, 22}, RegionCase{"2019-06-30", "Americas", 27, 3},
                               RegionCase{"2026-11-27", "Oceania", 7, 2}}) {
    const auto summary = summarise(states_on(testing::project_register(), day(expected.date)));
    const auto& counts = summary.by_region.at(expected.region);
    EXPECT_EQ(counts.party, expected.parties) << expected.date << " " << expected.region;
    EXPECT_EQ(counts.signatory, expected.signatories) << expected.date << " " << expected.region;
  }
}

TEST(ParticipationCounts, InForceNeverExceedsParties) {
  for (int year = 2013; year <= 2027; ++year) {
    const auto summary = summarise(states_on(testing::project_register(), Date::from_ymd(year, 6, 30)));
    EXPECT_LE(summary.all.in_force, summary.all.party) << year;
  }
  // Between a deposit and its EIF a State is a party not yet bound.
  const auto summary = summarise(states_on(testing::project_register(), day("2014-12-23")));
  EXPECT_EQ(summary.all.in_force, 0);
  EXPECT_GT(summary.all.party, 50);
}

TEST(ParticipationFilter, FiltersByRegionAndStatus) {
  const auto listed = states_on(testing::project_register(), day("2026-11-27"),
                                {std::string("Europe"), Participation::party});
  ASSERT_EQ(listed.size(), 40u);
  for (const auto& [record, status] : listed) {
    EXPECT_EQ(record->region, "Europe");
    EXPECT_EQ(status.participation, Participation::party);
  }
}

TEST(Register, HoldsEveryStateWithThreeNames) {
  const auto& states = testing::project_register().states();
  EXPECT_EQ(states.size(), 196u);
  for (const auto& s : states) {
    EXPECT_FALSE(s.name_en.empty() || s.name_fr.empty() || s.name_es.empty()) << s.iso3;
    EXPECT_FALSE(s.region.empty()) << s.iso3;
  }
}

TEST(RegisterFile, ReportsEveryProblemWithItsLine) {
  const std::string text =
      "iso3,iso2,m49,name_en,name_fr,name_es,region,subregion,un_member,signature_date,deposit_date,deposit_kind,"
      "deposit_not_before,eif_date,verified\n"
      "FRA,FR,250,France,France,Francia,Europe,Western Europe,yes,2013-06-03,2014-04-02,ratification,,,yes\n"
      "XX,X,abc,Bad,,Malo,Europe,Western Europe,maybe,2013-02-30,2014-13-01,,,,yes\n";
  const auto parsed = io::parse_states_csv(text, "states.csv");
  ASSERT_FALSE(parsed);
  // Each problem a code at its place, so that it is told in the reader's language.
  const auto codes = io::codes_of(parsed.error());
  for (const char* expected :
       {"states.csv:3: iso3: register_code_length", "states.csv:3: iso2: register_code_length",
        "states.csv:3: m49: register_not_number", "states.csv:3: name_en: register_name_missing",
        "states.csv:3: un_member: register_not_yes_no", "states.csv:3: signature_date: register_invalid_date",
        "states.csv:3: deposit_date: register_invalid_date"})
    EXPECT_NE(codes.find(expected), std::string::npos) << expected << " in\n" << codes;
  EXPECT_EQ(codes.find("states.csv:2:"), std::string::npos) << codes;
  EXPECT_EQ(parsed.error().problems.at(1).params.at("length"), "2");
}

TEST(RegisterFile, NamesMissingColumns) {
  const auto parsed = io::parse_states_csv("iso3,iso2\nFRA,FR\n", "states.csv");
  ASSERT_FALSE(parsed);
  EXPECT_NE(io::codes_of(parsed.error()).find("states.csv:1: deposit_date: missing_column"), std::string::npos);
}

}  // namespace
}  // namespace att
