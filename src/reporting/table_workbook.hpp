// A plain table as an XLSX workbook (a download of query results): one sheet, a bold header row,
// then one row per record; numbers are written as numbers so that a spreadsheet can add them.
#pragma once

#include <string>
#include <variant>
#include <vector>

namespace att::reporting {

using TableCell = std::variant<std::monostate, std::string, double>;  // empty, text, number

// Throws std::runtime_error when libxlsxwriter fails.
std::string write_table_workbook(const std::string& sheet_name, const std::vector<std::string>& header,
                                 const std::vector<std::vector<TableCell>>& rows);

}  // namespace att::reporting
