// Importing the canonical CSV of report lines: parse -> resolve States -> group into one
// annual report per (reporting State, year) -> validate against the year's template. Nothing
// is written here; the caller commits only when there is no error.
#pragma once

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/problem.hpp"
#include "core/reports/annual_report.hpp"
#include "core/reports/report_template.hpp"
#include "core/reports/validation.hpp"
#include "core/states_register.hpp"

namespace att::reporting {

struct ImportBatch {
  std::vector<reports::AnnualReport> reports;
  // Located by the file's line (1 = header) in `line`, by column or cell in `column`.
  std::vector<Problem> problems;
  std::size_t rows = 0;
  std::size_t error_count = 0;  // all errors, also those past the listing limit
  [[nodiscard]] bool has_errors() const { return error_count > 0; }
};

struct ImportOptions {
  reports::Visibility visibility = reports::Visibility::public_report;
  // Today: reports for a year that has not ended yet are refused (callers pass the real date;
  // the default refuses nothing, as for a reader that only converts a file).
  Date as_of = Date::from_ymd(2100, 1, 1);
  std::size_t max_problems = 1000;  // stop listing after this many
  // Called every `progress_every` rows read, with the rows read so far (a long import shows it).
  std::function<void(std::size_t rows)> on_progress = nullptr;
  std::size_t progress_every = 100000;
  // When set, every line that could be placed in a report (its State and year are known) is
  // handed here, with the index of its report in ImportBatch::reports, instead of being kept:
  // the reports then come back without lines and unchecked, and the caller checks each one
  // with check_report once it has its lines (see streamed_import.hpp).
  std::function<void(std::size_t report, const reports::AnnualReport& header, reports::ReportLine&& line)> on_line =
      nullptr;
  // A table's own visibility where it differs from the report's (the 2015 template's choice per form).
  std::optional<reports::Visibility> exports_visibility = std::nullopt;
  std::optional<reports::Visibility> imports_visibility = std::nullopt;
};

// Adds a problem to the batch: every error is counted, the first `max_problems` are listed.
void record(ImportBatch& batch, Problem found, std::size_t max_problems);
// The checks of one whole report against its year's template (it gets the template's id), as
// read_canonical_csv makes them: the problems are added to `batch`.
void check_report(reports::AnnualReport& report, const StatesRegister& states_register,
                  const reports::TemplateLibrary& templates, const ImportOptions& options, ImportBatch& batch);

ImportBatch read_canonical_csv(std::string_view text, const StatesRegister& states_register,
                               const reports::TemplateLibrary& templates, const ImportOptions& options);
// The same from a stream read in pieces (a file is never held whole in memory); the result is
// the same whatever the size of the pieces.
ImportBatch read_canonical_csv(std::istream& in, const StatesRegister& states_register,
                               const reports::TemplateLibrary& templates, const ImportOptions& options,
                               std::size_t piece_bytes = 4 << 20);

}  // namespace att::reporting
