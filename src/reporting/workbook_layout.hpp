// Where things stand in the report workbook, known once for the writer and the reader: the sheet
// names, the rows of the Exports and Imports sheets, and the fields of the Report sheet. Internal
// to att_reporting; callers use reporting/report_workbook.hpp.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/reports/annual_report.hpp"
#include "reporting/report_workbook.hpp"

namespace att::reporting::workbook {

inline constexpr char instructions_sheet[] = "Instructions";
inline constexpr char report_sheet[] = "Report";
inline constexpr char exports_sheet[] = "Exports";
inline constexpr char imports_sheet[] = "Imports";
inline constexpr char lists_sheet[] = "Lists";

// The sheet that holds the lines of one direction.
const char* lines_sheet(reports::Direction direction);

// Exports and Imports (1-based rows): the labels, then the canonical column ids (hidden), which
// is what the reader goes by, so the labels can be in any language.
inline constexpr std::size_t column_label_row = 1;
inline constexpr std::size_t column_id_row = 2;
inline constexpr std::size_t first_line_row = 3;

// The columns of the Exports and Imports sheets, in order (the canonical CSV's line columns).
const std::vector<std::string>& line_columns();

// Report (1-based columns): a header row whose column A says "key", then one field a row: its id,
// which is what the reader goes by, its value and its label.
inline constexpr char report_header_key[] = "key";
inline constexpr std::size_t report_id_column = 1;
inline constexpr std::size_t report_value_column = 2;
inline constexpr std::size_t report_label_column = 3;

struct ReportField {
  const char* id;
  LabelsByLanguage labels;
};

// The rows of the Report sheet below its header, in order.
const std::vector<ReportField>& report_fields();

}  // namespace att::reporting::workbook
