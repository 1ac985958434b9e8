// A table as an Excel workbook of one sheet: a header row in bold, frozen and filterable, then
// one row per record; numbers are written as numbers so that a spreadsheet can add them. For
// downloads of query results (transfers) and tables such as the reporting status.
#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace att::reporting {

using TableCell = std::variant<std::monostate, std::string, double>;  // empty, text, number

// What a download says about itself: (name, value) lines on a second sheet, "About", so that the
// data sheet stays a plain table (docs/decisions.md, download metadata).
using AboutLines = std::vector<std::pair<std::string, std::string>>;

// The XLSX bytes; throws std::runtime_error when libxlsxwriter fails.
std::string write_table_workbook(const std::string& sheet_name, const std::vector<std::string>& headings,
                                 const std::vector<std::vector<TableCell>>& rows, const AboutLines& about = {});
// The same with every cell text.
std::string write_table_workbook(const std::string& sheet_name, const std::vector<std::string>& headings,
                                 const std::vector<std::vector<std::string>>& rows);

}  // namespace att::reporting
