#include <gtest/gtest.h>

#include "text/catalog.hpp"
#include "text/problem_text.hpp"

namespace att::text {
namespace {

TEST(ProblemText, EveryProblemCodeHasATextInAllThreeLanguages) {
  const auto catalog = Catalog::load(std::string(ATT_WEB_DIR) + "/i18n");
  ASSERT_GE(all_problem_codes().size(), 50u);
  const auto missing = problem_codes_without_text(catalog);
  EXPECT_TRUE(missing.empty()) << ::testing::PrintToString(missing);
  // No text without a code either: the catalogue's problems are exactly the codes.
  for (const auto language : all_languages)
    EXPECT_EQ(catalog.tree(language)["problems"].size(), all_problem_codes().size()) << code_of(language);
}

TEST(ProblemText, RendersAProblemWithItsParametersInTheReadersLanguage) {
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

}  // namespace
}  // namespace att::text
