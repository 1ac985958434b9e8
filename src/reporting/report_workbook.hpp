// The annual report as an Excel workbook: download one (blank, or pre-filled from a report such
// as last year's), fill it in offline, upload it back. The workbook's words are in the chosen
// language, but what is read back is language-independent: sheet names, the hidden row of
// column ids on Exports and Imports, the field ids in column A of Report, and codes for
// categories, States and the basis.
//
// Sheets: Instructions; Report (key | value | label); Exports and Imports (row 1 labels, row 2
// the canonical column ids, hidden; lines from row 3); Lists (what the drop-downs offer).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "core/language.hpp"
#include "core/reports/annual_report.hpp"
#include "core/reports/report_template.hpp"
#include "core/states_register.hpp"
#include "reporting/csv_import.hpp"

namespace att::reporting {

using LabelsByLanguage = std::map<Language, std::string>;

// The words of the workbook that live in the data files.
struct WorkbookLabels {
  std::map<std::string, LabelsByLanguage> columns;          // line column id -> label
  std::map<std::string, LabelsByLanguage> exports_columns;  // column id -> label on the Exports sheet, if it differs
  std::map<std::string, LabelsByLanguage> imports_columns;
  std::map<std::string, LabelsByLanguage> categories;  // template or canonical code -> label
};

// Built-in column labels (en, fr, es) and no category labels (the codes are shown).
const WorkbookLabels& builtin_workbook_labels();

// Column and category labels from data_dir/templates/<template_id>.json, completed by
// data_dir/categories.json for categories the template does not label.
tl::expected<WorkbookLabels, std::string> load_workbook_labels(const std::filesystem::path& data_dir,
                                                               const std::string& template_id);

// The XLSX bytes. Throws std::runtime_error when libxlsxwriter fails (disk full, a text over
// Excel's 32767 characters per cell).
std::string write_report_workbook(const reports::AnnualReport& report, const reports::ReportTemplate& tmpl,
                                  const StatesRegister& states, Language language,
                                  const WorkbookLabels& labels = builtin_workbook_labels());

// Reads an uploaded workbook into one report (State and year from the Report sheet), validated
// like the CSV import. Problems name their cell in `column` ("Exports!C12", "Report!B3") and
// the sheet row in `row`; a file that is not a usable workbook gives one problem with row 0.
ImportBatch read_report_workbook(std::string_view bytes, const StatesRegister& states,
                                 const reports::TemplateLibrary& templates, const ImportOptions& options);

}  // namespace att::reporting
