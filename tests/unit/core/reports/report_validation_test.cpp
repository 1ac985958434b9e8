#include <gtest/gtest.h>

#include <algorithm>
#include <optional>

#include "core/reports/validation.hpp"
#include "io/templates_file.hpp"
#include "test_data.hpp"

namespace att::reports {
namespace {

// The day the tests are run on: 2026 has not ended, 2025 has.
const Date as_of = Date::from_ymd(2026, 6, 1);

const TemplateLibrary& templates() {
  static const TemplateLibrary library = [] {
    auto loaded = io::load_templates(std::string(ATT_DATA_DIR) + "/templates");
    if (!loaded) throw std::runtime_error(loaded.error());
    return std::move(*loaded);
  }();
  return library;
}

TEST(Templates, ChosenByReportingYear) {
  EXPECT_EQ(templates().for_year("annual", 2015)->id, "annual-2015");
  EXPECT_EQ(templates().for_year("annual", 2016)->id, "annual-2015");
  EXPECT_EQ(templates().for_year("annual", 2017)->id, "annual-2017");
  EXPECT_EQ(templates().for_year("annual", 2020)->id, "annual-2017");
  EXPECT_EQ(templates().for_year("annual", 2031)->id, "annual-2021");
  EXPECT_EQ(templates().for_year("initial", 2015)->id, "initial-2015");
  EXPECT_EQ(templates().for_year("annual", 2013)->id, "annual-2015") << "a year before the first template takes it";
  EXPECT_EQ(templates().for_year("annual", 1990)->id, "annual-2015");
  EXPECT_TRUE(templates().by_id("annual-2021")->assumed);
  EXPECT_FALSE(templates().by_id("annual-2015")->basis_per_line);
}

TEST(Templates, MapTheirCategoriesOntoCanonicalCodes) {
  const auto* old = templates().by_id("annual-2015");
  EXPECT_EQ(old->canonical_category("IV"), "IV");
  EXPECT_FALSE(old->canonical_category("IV.a")) << "the 2015 template has no manned/unmanned split";
  const auto* revised = templates().by_id("annual-2017");
  EXPECT_EQ(revised->canonical_category("IV.b"), "IV.b");
  EXPECT_EQ(revised->canonical_category("VIII.LW.7"), "VIII.LW.7");
}

TEST(Templates, FinerSubCategoriesCountUnderTheTemplatesParent) {
  const auto* old = templates().by_id("annual-2015");
  EXPECT_EQ(old->counted_under("VII.a"), "VII");
  EXPECT_EQ(old->counted_under("IV.b"), "IV");
  EXPECT_EQ(old->counted_under("VII"), "VII");
  EXPECT_EQ(old->counted_under("NAT:Ammunition"), "NAT:Ammunition");
  EXPECT_FALSE(old->counted_under("VII.z"));
  EXPECT_FALSE(old->counted_under("VIII")) << "the 2015 template lists small arms only by sub-category";
  const auto* revised = templates().by_id("annual-2017");
  EXPECT_EQ(revised->counted_under("IV.a"), "IV.a");
  EXPECT_FALSE(revised->counted_under("IV")) << "coarser than the template is not finer";
}

TEST(Validation, EveryCaseInTheTable) {
  const auto cases = testing::read_cases("validation_cases.csv");
  ASSERT_GE(cases.rows().size(), 15u);
  for (const auto& row : cases.rows()) {
    const auto name = std::string(cases.field(row, "case"));
    AnnualReport report;
    report.reporting_state = cases.field(row, "reporting_state");
    report.year = std::stoi(std::string(cases.field(row, "year")));
    report.nil_exports = cases.field(row, "nil_exports") == "yes";
    ReportLine line;
    line.direction = *direction_from_string(cases.field(row, "direction"));
    line.category = cases.field(row, "category");
    line.partner_state = cases.field(row, "partner_state");
    if (const auto items = cases.field(row, "items"); !items.empty()) line.items = std::stoll(std::string(items));
    line.value = cases.field(row, "value");
    line.currency = cases.field(row, "currency");
    line.basis = basis_from_string(cases.field(row, "basis"));
    line.source_row = 7;
    report.lines.push_back(line);
    const auto* report_template = templates().for_year("annual", report.year);
    ASSERT_TRUE(report_template) << name;
    const auto result = validate(report, *report_template, testing::project_register(), {as_of});
    std::string found;
    for (const auto& finding : result.findings)
      found += (found.empty() ? "" : " ") + std::string(finding.severity == Severity::error ? "error:" : "warning:") +
               finding.code;
    EXPECT_EQ(found, cases.field(row, "expected")) << name;
    for (const auto& finding : result.findings) {
      if (finding.column != "nil_exports" && finding.section != "header") {
        EXPECT_EQ(finding.line, 7u) << name << ": findings point at the file row";
      }
    }
  }
}

TEST(Validation, DuplicateLinesAreAWarningAndSuggestionsNameTheClosestState) {
  AnnualReport report;
  report.reporting_state = "DEU";
  report.year = 2022;
  ReportLine line;
  line.category = "I";
  line.partner_state = "Frnace";
  line.items = 2;
  report.lines = {line, line};
  const auto result = validate(report, *templates().for_year("annual", 2022), testing::project_register(), {as_of});
  const auto duplicate = std::find_if(result.findings.begin(), result.findings.end(),
                                      [](const auto& f) { return f.code == "duplicate_line"; });
  ASSERT_NE(duplicate, result.findings.end());
  EXPECT_EQ(duplicate->severity, Severity::warning);
  EXPECT_EQ(duplicate->line, 2u);
  const auto unknown = std::find_if(result.findings.begin(), result.findings.end(),
                                    [](const auto& f) { return f.code == "unknown_partner"; });
  ASSERT_NE(unknown, result.findings.end());
  EXPECT_EQ(unknown->params.at("suggestions"), "FRA");
  EXPECT_EQ(unknown->params.at("value"), "Frnace");
  EXPECT_EQ(unknown->section, "exports");
  EXPECT_EQ(unknown->line, 1u);
  EXPECT_EQ(unknown->column, "partner_state");
}

TEST(Validation, AnEmptyReportIsAWarningInADraftAndAnErrorWhenSubmitted) {
  AnnualReport report;
  report.reporting_state = "DEU";
  report.year = 2022;
  const auto empty_report = [&](Stage stage) -> std::optional<Severity> {
    for (const auto& f : validate(report, *templates().for_year("annual", 2022), testing::project_register(),
                                  {as_of, stage}).findings)
      if (f.code == "report_empty") return f.severity;
    return std::nullopt;
  };
  EXPECT_EQ(empty_report(Stage::draft), Severity::warning);
  EXPECT_EQ(empty_report(Stage::submission), Severity::error);
  report.nil_imports = true;
  EXPECT_FALSE(empty_report(Stage::submission)) << "a nil flag says the report is empty on purpose";
}

TEST(Validation, AnAmendmentCannotPrecedeTheVersionItReplaces) {
  const auto problem = amendment_date_problem(Date::from_ymd(2024, 5, 1), Date::from_ymd(2024, 6, 1));
  ASSERT_TRUE(problem);
  EXPECT_EQ(problem->code, "received_before_previous_version");
  EXPECT_EQ(problem->severity, Severity::error);
  EXPECT_EQ(problem->params.at("previous"), "2024-06-01");
  EXPECT_FALSE(amendment_date_problem(Date::from_ymd(2024, 6, 1), Date::from_ymd(2024, 6, 1))) << "the same day";
  EXPECT_FALSE(amendment_date_problem(Date::from_ymd(2025, 1, 2), Date::from_ymd(2024, 6, 1)));
}

TEST(Validation, HeaderTextsHaveTheTemplatesLengthLimits) {
  AnnualReport report;
  report.reporting_state = "DEU";
  report.year = 2022;
  report.nil_exports = report.nil_imports = true;
  const auto columns_too_long = [&] {
    std::vector<std::string> columns;
    for (const auto& f : validate(report, *templates().for_year("annual", 2022), testing::project_register(), {as_of}).findings)
      if (f.code == "text_too_long") columns.push_back(f.column);
    return columns;
  };
  report.comments = std::string(4000, 'c');
  report.national_definitions = std::string(20000, 'd');
  EXPECT_TRUE(columns_too_long().empty()) << "at the limits";
  report.comments += "c";
  report.national_definitions += "d";
  EXPECT_EQ(columns_too_long(), (std::vector<std::string>{"comments", "national_definitions"}));
}

TEST(Obligations, FirstReportCoversTheFirstFullYearAfterEntryIntoForce) {
  EXPECT_EQ(first_reporting_year(*testing::project_register().find_by_code("FRA")), 2015);  // EIF 2014-12-24
  EXPECT_EQ(first_reporting_year(*testing::project_register().find_by_code("AFG")), 2021);  // EIF 2020-10-27
  EXPECT_FALSE(first_reporting_year(*testing::project_register().find_by_code("USA")));     // not a party
}

}  // namespace
}  // namespace att::reports
