// The annual report editor's form, both ways: the fields a report fills in (header fields named
// after validation's columns, "contact.name"; line fields "l<row>.<column>"), and the report a
// posted form describes. A field that cannot be read (a number of items that is not a number)
// becomes a located problem, never a silent loss.
#pragma once

#include <string>
#include <vector>

#include "core/problem.hpp"
#include "core/reports/annual_report.hpp"
#include "core/states_register.hpp"
#include "web/reporting/category_names.hpp"

namespace att::web {

// The columns of a line in the editor, in the order of the table.
const std::vector<std::string>& line_columns();

struct PostedReport {
  reports::AnnualReport report;
  std::vector<Problem> unreadable;  // fields the report could not hold as typed
};

// `fields`: the form's name=value pairs. Rows with every field empty are dropped; the report's
// lines keep the rows' order, exports first.
PostedReport report_from_form(const std::vector<std::pair<std::string, std::string>>& fields,
                              const StatesRegister& states_register, const CategoryNames& categories);

// The form field a problem is about: "contact.name", "l3.partner_state"; "" when it is about
// the whole report. Lines are numbered as validation numbers them (1 + position in the report).
std::string field_of(const Problem& problem);
std::string line_field(std::size_t row, const std::string& column);

}  // namespace att::web
