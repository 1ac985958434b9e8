// Checking a report against its template and the register: every problem located (section,
// line, column) with a stable code; the words come from the strings catalogue (problems.<code>).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/problem.hpp"
#include "core/reports/annual_report.hpp"
#include "core/reports/report_template.hpp"
#include "core/states_register.hpp"

namespace att::reports {

using att::Severity;

struct ValidationResult {
  std::vector<Problem> findings;
  [[nodiscard]] bool has_errors() const;
  [[nodiscard]] std::size_t error_count() const;
  [[nodiscard]] bool has_code(std::string_view code) const;
};

// A draft may still be empty; a submission may not.
enum class Stage { draft, submission };

struct ValidationContext {
  Date as_of;  // today: a report for a year that has not ended by then is refused
  Stage stage = Stage::submission;
};

// The first calendar year a State's annual report covers: the first full year after its EIF.
std::optional<int> first_reporting_year(const StateRecord& state);

ValidationResult validate(const AnnualReport& report, const ReportTemplate& report_template,
                          const StatesRegister& states_register, const ValidationContext& context);

// The closest States' ISO3 codes to a text that is no State's code ("FRA" for "Frnace"), for the
// {suggestions} of a problem; empty when there is none.
std::string suggested_states(const StatesRegister& states_register, const std::string& text);

// An amendment received before the version it replaces (received_before_previous_version).
std::optional<Problem> amendment_date_problem(const Date& received, const Date& previous_received);

}  // namespace att::reports
