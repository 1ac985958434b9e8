// A table as an Excel workbook of one sheet: a header row in bold, frozen and filterable, then
// one row per record, every cell text. For downloads of tables such as the reporting status.
#pragma once

#include <string>
#include <vector>

namespace att::reporting {

// The XLSX bytes; throws std::runtime_error when libxlsxwriter fails.
std::string write_table_workbook(const std::string& sheet_name, const std::vector<std::string>& headings,
                                 const std::vector<std::vector<std::string>>& rows);

}  // namespace att::reporting
