// The strings catalogue: every text in three languages, and no raw key ever shown.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "io/register_file.hpp"
#include "text/catalog.hpp"

namespace att::text {
namespace {

TEST(Catalog, EveryStringExistsInAllThreeLanguages) {
  const auto catalog = Catalog::load(std::string(ATT_WEB_DIR) + "/i18n");
  const auto missing = missing_translations(catalog);
  EXPECT_TRUE(missing.empty()) << ::testing::PrintToString(missing);
  EXPECT_EQ(catalog.text(Language::fr, "status.party"), "État Partie");
  EXPECT_EQ(catalog.text(Language::es, "status.party"), "Estado Parte");
  EXPECT_EQ(catalog.text(Language::fr, "errors.state_unknown", {{"code", "XYZ"}}),
            "Aucun État n’a le code « XYZ ». Utilisez un code ISO 3166 alpha-3, par exemple FRA.");
}

TEST(Catalog, TranslatesEveryRegionAndSubregionOfTheRegister) {
  // Checked against data/states.csv so that a new sub-region cannot appear untranslated.
  const auto catalog = Catalog::load(std::string(ATT_WEB_DIR) + "/i18n");
  const auto states_register = io::load_register(ATT_DATA_DIR);
  ASSERT_TRUE(states_register);
  for (const auto language : all_languages) {
    const auto& tree = catalog.tree(language);
    for (const auto& state : states_register->states()) {
      EXPECT_TRUE(tree["regions"].contains(state.region)) << code_of(language) << " " << state.region;
      EXPECT_TRUE(tree["subregions"].contains(state.subregion)) << code_of(language) << " " << state.subregion;
    }
  }
}

TEST(Catalog, AnUnknownKeyIsNeverShownRaw) {
  const auto catalog = Catalog::load(std::string(ATT_WEB_DIR) + "/i18n");
  EXPECT_EQ(catalog.text(Language::en, "no.such.key"), "This text is not available.");
  EXPECT_EQ(catalog.text(Language::fr, "no.such.key", {{"x", "y"}}), "Ce texte n’est pas disponible.");
  EXPECT_EQ(catalog.text(Language::es, "errors"), "Este texto no está disponible.") << "a section is not a text";
  EXPECT_TRUE(catalog.has(Language::fr, "status.party"));
  EXPECT_FALSE(catalog.has(Language::fr, "status"));
}

TEST(Catalog, AKeyMissingInOneLanguageFallsBackToEnglish) {
  const auto dir = std::filesystem::temp_directory_path() / "att_catalog_test";
  std::filesystem::create_directories(dir);
  for (const auto* code : {"en", "fr", "es"}) {
    std::ofstream(dir / (std::string(code) + ".json"))
        << (std::string(code) == "en" ? R"({"a":{"b":"English"},"text":{"missing":"gone"}})" : R"({"text":{"missing":"x"}})");
  }
  const auto catalog = Catalog::load(dir);
  std::filesystem::remove_all(dir);
  EXPECT_EQ(catalog.text(Language::fr, "a.b"), "English");
}

}  // namespace
}  // namespace att::text
