// A problem found in what a person gave us (a report, an uploaded file): a stable code, where it
// is, and the values its message needs. The words are not here: each code has a text in every
// language (web/i18n, "problems.<code>"), filled with the parameters when it is shown.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace att {

enum class Severity { error, warning };

struct Problem {
  Severity severity = Severity::error;
  std::string code;  // one of problem_codes below
  // Where: the table of the report (header, exports, imports; a questionnaire's section), empty
  // for a problem of the file itself ...
  std::string section;
  // ... the line: the file's row (or record's line) when the report came from a file, else the
  // line's position in its table; 0 for the header or the whole file ...
  std::size_t line = 0;
  // ... and the field or column ("value", "partner_state"), or a workbook's cell ("Exports!C12").
  std::string column;
  std::map<std::string, std::string> params;  // for the message's {placeholders}
};

std::string_view to_string(Severity severity);  // "error" / "warning"

// Every code a problem can carry. The list is the source of the constants, so that a code cannot
// be emitted without being listed, and a test checks that each has a text in every language.
#define ATT_PROBLEM_CODES(X)                                                                                        \
  /* annual report validation */                                                                                   \
  X(unknown_reporting_state) X(year_outside_obligations) X(year_not_ended) X(report_empty) X(nil_flag_with_lines)  \
  X(unknown_category) X(category_too_general) X(category_finer_than_template) X(national_category_not_in_template) \
  X(unknown_partner) X(partner_not_self) X(negative_number) X(invalid_value) X(number_or_value)                    \
  X(value_needs_currency) X(invalid_currency) X(unknown_state_of_origin) X(text_too_long) X(duplicate_line)        \
  X(received_before_previous_version) X(control_character)                                                         \
  /* initial report validation */                                                                                  \
  X(unknown_question) X(invalid_choice) X(unknown_authority) X(binding_unanswered)                                 \
  /* reading a CSV file */                                                                                         \
  X(csv_unterminated_quote) X(csv_text_after_quote) X(csv_record_too_long) X(file_not_utf8) X(file_empty)          \
  /* reading report lines from a file (CSV or workbook) */                                                         \
  X(missing_column) X(unknown_column) X(duplicate_column) X(field_count) X(invalid_year) X(no_template)            \
  X(invalid_direction) X(invalid_items) X(invalid_basis) X(invalid_flag) X(invalid_visibility)                     \
  X(missing_reporting_state)                                                                                       \
  /* report workbooks */                                                                                           \
  X(workbook_missing_sheets) X(workbook_unknown_field) X(workbook_duplicate_field) X(workbook_column_ids_deleted)  \
  X(xlsx_empty_file) X(xlsx_not_xlsx) X(xlsx_damaged) X(xlsx_password_protected) X(xlsx_unsupported_compression)   \
  X(xlsx_too_large) X(xlsx_too_many_files) X(xlsx_no_sheets) X(xlsx_too_many_sheets) X(xlsx_too_many_rows) X(xlsx_too_many_columns)       \
  X(xlsx_too_many_cells)                                                                                            \
  /* the SIPRI trade register and the rules giving its weapons a treaty category */                                 \
  X(file_unreadable) X(sipri_bom_not_utf8) X(sipri_no_source_line) X(sipri_no_header) X(sipri_header_column_count)   \
  X(sipri_header_column) X(sipri_bad_generated_date) X(sipri_field_count) X(sipri_record_cut_short)                  \
  X(sipri_record_not_completed) X(sipri_no_deals) X(sipri_field_empty) X(sipri_not_whole_number) X(sipri_not_year)   \
  X(sipri_not_number) X(sipri_bad_uncertainty_mark) X(sipri_rules_bad_header) X(sipri_rules_field_count)             \
  X(sipri_rules_empty_pattern) X(sipri_rules_unknown_category) X(sipri_rules_duplicate_pattern)                     \
  X(sipri_rules_file_empty)                                                                                         \
  /* the States register's data files */                                                                           \
  X(register_code_length) X(register_not_number) X(register_name_missing) X(register_not_yes_no)                   \
  X(register_invalid_date) X(register_deposit_needs_kind)

namespace problem_codes {
#define ATT_PROBLEM_CODE_CONSTANT(name) inline constexpr std::string_view name = #name;
ATT_PROBLEM_CODES(ATT_PROBLEM_CODE_CONSTANT)
#undef ATT_PROBLEM_CODE_CONSTANT
}  // namespace problem_codes

const std::vector<std::string_view>& all_problem_codes();

// The key of a code's text in the strings catalogue: "problems.unknown_partner".
std::string problem_text_key(std::string_view code);

}  // namespace att
