// Checking a report against its template and the register: every problem located (section,
// line, column) with a stable code; the words come from the strings catalogue (validation.<code>).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/reports/annual_report.hpp"
#include "core/reports/report_template.hpp"
#include "core/states_register.hpp"

namespace att::reports {

enum class Severity { error, warning };

struct Finding {
  Severity severity = Severity::error;
  std::string code;     // unknown_category, value_needs_currency, ...
  std::string section;  // header, exports, imports
  std::size_t line = 0;  // the line's source row when it came from a file, else its position; 0 for the header
  std::string column;
  std::map<std::string, std::string> params;  // for the message: {value}, {suggestions}, ...
};

struct ValidationResult {
  std::vector<Finding> findings;
  [[nodiscard]] bool has_errors() const;
  [[nodiscard]] std::size_t error_count() const;
};

// The first calendar year a State's annual report covers: the first full year after its EIF.
std::optional<int> first_reporting_year(const StateRecord& state);

ValidationResult validate(const AnnualReport& report, const ReportTemplate& report_template,
                          const StatesRegister& states_register);

// "line 12, column value: ..." in English, for the command line and logs.
std::string describe_in_english(const Finding& finding);

}  // namespace att::reports
