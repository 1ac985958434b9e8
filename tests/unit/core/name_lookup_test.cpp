#include <gtest/gtest.h>

#include <algorithm>

#include "core/text_folding.hpp"
#include "test_data.hpp"

namespace att {
namespace {

TEST(FoldName, IgnoresCaseAccentsAndPunctuation) {
  EXPECT_EQ(fold_name("Côte d’Ivoire"), "cote divoire");
  EXPECT_EQ(fold_name("COTE D'IVOIRE"), "cote divoire");
  EXPECT_EQ(fold_name("  Czech   Rep. "), "czech rep");
  EXPECT_EQ(fold_name("Guinea-Bissau"), "guinea bissau");
  EXPECT_EQ(fold_name("The Gambia"), "gambia");
  EXPECT_EQ(fold_name("TÜRKİYE"), fold_name("türkiye"));
}

TEST(EditDistance, CountsSingleEdits) {
  EXPECT_EQ(edit_distance("france", "france"), 0u);
  EXPECT_EQ(edit_distance("frnace", "france"), 2u);
  EXPECT_EQ(edit_distance("chad", "chile"), 3u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
}

TEST(NameLookup, ResolvesEveryCaseInTheTable) {
  const auto cases = testing::read_cases("name_lookup_cases.csv");
  ASSERT_GE(cases.rows().size(), 30u);
  for (const auto& row : cases.rows()) {
    const auto query = cases.field(row, "query");
    const auto resolved = testing::project_register().resolve(query);
    ASSERT_TRUE(resolved) << "line " << row.line << ": '" << query << "' did not resolve";
    EXPECT_EQ((*resolved)->iso3, cases.field(row, "expected_iso3")) << "line " << row.line << ": " << query;
  }
}

TEST(NameLookup, EveryNameInEveryLanguageFindsItsState) {
  for (const auto& state : testing::project_register().states()) {
    for (const auto* name : {&state.name_en, &state.name_fr, &state.name_es, &state.iso3, &state.iso2}) {
      const auto resolved = testing::project_register().resolve(*name);
      ASSERT_TRUE(resolved) << *name;
      EXPECT_EQ((*resolved)->iso3, state.iso3) << *name;
    }
  }
}

std::vector<std::string> suggested_codes(const NameNotFound& failure) {
  std::vector<std::string> codes;
  for (const auto* state : failure.suggestions) codes.push_back(state->iso3);
  return codes;
}

// A search box finds States by part of a name in any language: the ISO3 codes of each case,
// sorted, separated by spaces; nothing for a text no name contains.
TEST(StateSearch, FindsEveryStateNamedInTheTable) {
  const auto cases = testing::read_cases("state_search_cases.csv");
  ASSERT_GE(cases.rows().size(), 12u);
  for (const auto& row : cases.rows()) {
    std::vector<std::string> codes;
    for (const auto* state : testing::project_register().matching(cases.field(row, "query"))) codes.push_back(state->iso3);
    std::sort(codes.begin(), codes.end());
    std::string joined;
    for (const auto& code : codes) joined += (joined.empty() ? "" : " ") + code;
    EXPECT_EQ(joined, cases.field(row, "expected_iso3")) << "line " << row.line << ": " << cases.field(row, "query");
  }
}

TEST(NameLookup, UnknownNameSuggestsClosestStates) {
  const auto misspelt = testing::project_register().resolve("Frnace");
  ASSERT_FALSE(misspelt);
  EXPECT_EQ(misspelt.error().query, "Frnace");
  const auto codes = suggested_codes(misspelt.error());
  ASSERT_FALSE(codes.empty());
  EXPECT_EQ(codes.front(), "FRA");

  const auto korea = testing::project_register().resolve("Korea");
  ASSERT_FALSE(korea);
  const auto korean = suggested_codes(korea.error());
  EXPECT_NE(std::find(korean.begin(), korean.end(), "KOR"), korean.end());
  EXPECT_NE(std::find(korean.begin(), korean.end(), "PRK"), korean.end());
}

TEST(NameLookup, NonsenseHasNoSuggestionsAndNoCrash) {
  for (const char* query : {"", "   ", "zzzzzzzzzzzzzzzz", "\xff\xfe", "'; DROP TABLE states; --"}) {
    const auto resolved = testing::project_register().resolve(query);
    EXPECT_FALSE(resolved) << query;
  }
  EXPECT_TRUE(testing::project_register().resolve("zzzzzzzzzzzzzzzz").error().suggestions.empty());
}

TEST(NameLookup, AliasToUnknownCodeIsIgnored) {
  StateRecord france;
  france.iso3 = "FRA";
  france.iso2 = "FR";
  france.name_en = france.name_fr = "France";
  france.name_es = "Francia";
  const StatesRegister small({france}, {{"Gaul", "FRA"}, {"Atlantis", "ATL"}});
  EXPECT_EQ(small.aliases().size(), 1u);
  EXPECT_TRUE(small.resolve("gaul"));
  EXPECT_FALSE(small.resolve("Atlantis"));
}

}  // namespace
}  // namespace att
