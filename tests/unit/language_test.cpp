#include <gtest/gtest.h>

#include "io/register_file.hpp"
#include "web/i18n.hpp"
#include "web/language.hpp"
#include "web/problem_text.hpp"

namespace att::web {
namespace {

HttpRequest with(std::string query, std::vector<std::pair<std::string, std::string>> headers) {
  HttpRequest r;
  r.query_string = std::move(query);
  r.headers = std::move(headers);
  return r;
}

TEST(AcceptLanguage, PicksTheBestSupportedByQuality) {
  EXPECT_EQ(from_accept_language("fr-CH, fr;q=0.9, en;q=0.8"), Language::fr);
  EXPECT_EQ(from_accept_language("de-DE, es;q=0.5, en;q=0.4"), Language::es);
  EXPECT_EQ(from_accept_language("en;q=0.2, es-MX;q=0.9"), Language::es);
  EXPECT_EQ(from_accept_language("de, it"), Language::en) << "nothing supported: English";
  EXPECT_EQ(from_accept_language(""), Language::en);
  EXPECT_EQ(from_accept_language("FR"), Language::fr);
  EXPECT_EQ(from_accept_language(";;;,,,q=,fr;q=abc"), Language::en) << "garbage is not an error";
}

TEST(ChooseLanguage, QueryThenCookieThenHeader) {
  const auto query = choose_language(with("lang=es", {{"cookie", "lang=fr"}, {"accept-language", "en"}}));
  EXPECT_EQ(query.language, Language::es);
  EXPECT_TRUE(query.chosen_in_query);
  const auto cookie = choose_language(with("", {{"cookie", "lang=fr"}, {"accept-language", "es"}}));
  EXPECT_EQ(cookie.language, Language::fr);
  EXPECT_FALSE(cookie.chosen_in_query);
  EXPECT_EQ(choose_language(with("", {{"accept-language", "es"}})).language, Language::es);
  EXPECT_EQ(choose_language(with("lang=xx", {{"cookie", "lang=fr"}})).language, Language::fr)
      << "an unsupported ?lang= is ignored";
}

TEST(Catalog, EveryStringExistsInAllThreeLanguages) {
  const auto catalog = Catalog::load(std::string(ATT_WEB_DIR) + "/i18n");
  const auto missing = missing_translations(catalog);
  EXPECT_TRUE(missing.empty()) << ::testing::PrintToString(missing);
  EXPECT_EQ(catalog.text(Language::fr, "status.party"), "État Partie");
  EXPECT_EQ(catalog.text(Language::es, "status.party"), "Estado Parte");
  EXPECT_EQ(catalog.text(Language::en, "no.such.key"), "no.such.key");
  EXPECT_EQ(catalog.text(Language::fr, "errors.state_unknown", {{"code", "XYZ"}}),
            "Aucun État n’a le code « XYZ ». Utilisez un code ISO 3166 alpha-3, par exemple FRA.");
}

TEST(Catalog, EveryProblemCodeHasATextInAllThreeLanguages) {
  const auto catalog = Catalog::load(std::string(ATT_WEB_DIR) + "/i18n");
  ASSERT_GE(all_problem_codes().size(), 50u);
  const auto missing = problem_codes_without_text(catalog);
  EXPECT_TRUE(missing.empty()) << ::testing::PrintToString(missing);
  // No text without a code either: the catalogue's problems are exactly the codes.
  for (const auto language : all_languages)
    EXPECT_EQ(catalog.tree(language)["problems"].size(), all_problem_codes().size()) << code_of(language);
}

TEST(Catalog, RendersAProblemWithItsParametersInTheReadersLanguage) {
  const auto catalog = Catalog::load(std::string(ATT_WEB_DIR) + "/i18n");
  const Problem problem{Severity::warning, std::string(problem_codes::category_finer_than_template), "exports", 12,
                        "category", {{"value", "VII.a"}, {"template", "annual-2015"}, {"parent", "VII"}}};
  EXPECT_EQ(problem_message(catalog, Language::en, problem),
            "Category “VII.a” is finer than the annual-2015 template, which has VII: it is kept as given and counted "
            "under VII.");
  EXPECT_EQ(problem_message(catalog, Language::fr, problem),
            "La catégorie « VII.a » est plus fine que celles du modèle annual-2015, qui a VII : elle est conservée "
            "telle quelle et comptée sous VII.");
  const auto json = problem_json(catalog, Language::es, problem);
  EXPECT_EQ(json["code"], "category_finer_than_template");
  EXPECT_EQ(json["severity"], "warning");
  EXPECT_EQ(json["line"], 12);
  EXPECT_EQ(json["column"], "category");
  EXPECT_EQ(json["params"]["parent"], "VII");
  EXPECT_NE(json["message"].get<std::string>().find("se cuenta en VII"), std::string::npos) << json.dump();
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

}  // namespace
}  // namespace att::web
