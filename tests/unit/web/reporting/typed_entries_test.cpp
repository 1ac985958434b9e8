// What an officer types into the editor and pastes from a spreadsheet, read as the report's
// codes: categories by code or by (part of exactly one) name in any language, rows with or
// without a header in any language.
#include <gtest/gtest.h>

#include <map>
#include <stdexcept>

#include "io/templates_file.hpp"
#include "test_data.hpp"
#include "text/catalog.hpp"
#include "web/reporting/category_names.hpp"
#include "web/reporting/editor_form.hpp"
#include "web/reporting/pasted_rows.hpp"

namespace att::web {
namespace {

const text::Catalog& catalog() {
  static const auto loaded = text::Catalog::load(std::string(ATT_WEB_DIR) + "/i18n");
  return loaded;
}

const reports::TemplateLibrary& templates() {
  static const reports::TemplateLibrary library = [] {
    auto loaded = io::load_templates(std::string(ATT_DATA_DIR) + "/templates");
    if (!loaded) throw std::runtime_error(loaded.error());
    return std::move(*loaded);
  }();
  return library;
}

TEST(TypedCategory, ReadsEveryCaseInTheTable) {
  const auto cases = testing::read_cases("typed_category_cases.csv");
  ASSERT_GE(cases.rows().size(), 15u);
  for (const auto& row : cases.rows()) {
    const CategoryNames names(catalog(),
                              *templates().for_year("annual", std::stoi(std::string(cases.field(row, "year")))));
    EXPECT_EQ(names.code_for(std::string(cases.field(row, "typed"))), cases.field(row, "expected"))
        << "line " << row.line << ": " << cases.field(row, "typed");
  }
}

TEST(TypedCategory, ShowsTheCodeWithItsNameInTheReadersLanguage) {
  const CategoryNames names(catalog(), *templates().for_year("annual", 2023));
  EXPECT_EQ(names.shown("I", Language::es), "I · Carros de combate");
  EXPECT_EQ(names.shown("NAT:Ammunition", Language::fr), "NAT:Ammunition");
  EXPECT_EQ(names.code_for(names.shown("VIII.LW.3", Language::es)), "VIII.LW.3") << "what is shown reads back";
}

std::map<std::string, std::string> as_map(const std::vector<std::pair<std::string, std::string>>& fields) {
  return {fields.begin(), fields.end()};
}

TEST(PastedRows, WithoutAHeaderTakeTheEditorsColumns) {
  const auto fields = as_map(pasted_fields("I\tBelgique\t3\t1500000\tEUR\tactual\r\n\r\nII\tCanada\t1 200\n",
                                           reports::Direction::exports, 4, catalog()));
  EXPECT_EQ(fields.at("l4.direction"), "export");
  EXPECT_EQ(fields.at("l4.category"), "I");
  EXPECT_EQ(fields.at("l4.partner_state"), "Belgique");
  EXPECT_EQ(fields.at("l4.value"), "1500000");
  EXPECT_EQ(fields.at("l4.currency"), "EUR");
  EXPECT_EQ(fields.at("l4.basis"), "actual");
  EXPECT_EQ(fields.at("l5.items"), "1200") << "thousands grouped with a space";
  EXPECT_FALSE(fields.contains("l6.direction")) << "blank lines are no rows";
}

TEST(PastedRows, AHeaderInAnyLanguageNamesTheColumns) {
  const auto fields = as_map(pasted_fields(
      "Descripción del artículo\tEstado exportador\tNúmero de artículos\tBase\tCategoría\n"
      "Fusil G3\tAlemania\t40\tautorizado\tVIII.SA.2\n",
      reports::Direction::imports, 0, catalog()));
  EXPECT_EQ(fields.at("l0.direction"), "import");
  EXPECT_EQ(fields.at("l0.description"), "Fusil G3");
  EXPECT_EQ(fields.at("l0.partner_state"), "Alemania");
  EXPECT_EQ(fields.at("l0.items"), "40");
  EXPECT_EQ(fields.at("l0.basis"), "authorized");
  EXPECT_EQ(fields.at("l0.category"), "VIII.SA.2");
  EXPECT_FALSE(fields.contains("l1.direction")) << "the header is no row";
}

TEST(EditorForm, RowsBecomeLinesExportsFirstAndUnreadableNumbersAreProblems) {
  const CategoryNames names(catalog(), *templates().for_year("annual", 2023));
  const auto posted = report_from_form({{"visibility", "public"},
                                        {"l0.direction", "import"},
                                        {"l0.category", "Battle tanks"},
                                        {"l0.partner_state", "Atlantis"},
                                        {"l1.direction", "export"},
                                        {"l1.category", "chars de combat"},
                                        {"l1.partner_state", "Allemagne"},
                                        {"l1.items", "douze"},
                                        {"l2.direction", "export"},
                                        {"l2.basis", "actual"}},
                                       testing::project_register(), names);
  ASSERT_EQ(posted.report.lines.size(), 2u) << "a row with nothing typed is no line";
  EXPECT_EQ(posted.report.visibility, reports::Visibility::public_report);
  EXPECT_EQ(posted.report.lines[0].direction, reports::Direction::exports);
  EXPECT_EQ(posted.report.lines[0].category, "I");
  EXPECT_EQ(posted.report.lines[0].partner_state, "DEU");
  EXPECT_EQ(posted.report.lines[1].direction, reports::Direction::imports);
  EXPECT_EQ(posted.report.lines[1].partner_state, "Atlantis") << "not a name the register knows: kept as typed";
  ASSERT_EQ(posted.unreadable.size(), 1u);
  EXPECT_EQ(posted.unreadable[0].code, "invalid_items");
  EXPECT_EQ(field_of(posted.unreadable[0]), "l0.items") << "the first line of the report";
  EXPECT_EQ(posted.unreadable[0].params.at("value"), "douze");
}

}  // namespace
}  // namespace att::web
