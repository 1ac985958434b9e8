// A table as an Excel workbook of one sheet: a header row in bold, frozen and filterable, then
// one row per record; numbers are written as numbers so that a spreadsheet can add them. For
// downloads of query results (transfers) and tables such as the reporting status.
#pragma once

#include <string>
#include <variant>
#include <vector>

namespace att::reporting {

using TableCell = std::variant<std::monostate, std::string, double>;  // empty, text, number

// The XLSX bytes; throws std::runtime_error when libxlsxwriter fails.
std::string write_table_workbook(const std::string& sheet_name, const std::vector<std::string>& headings,
                                 const std::vector<std::vector<TableCell>>& rows);
// The same with every cell text.
std::string write_table_workbook(const std::string& sheet_name, const std::vector<std::string>& headings,
                                 const std::vector<std::vector<std::string>>& rows);

}  // namespace att::reporting
