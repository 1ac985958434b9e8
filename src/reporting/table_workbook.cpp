#include "reporting/table_workbook.hpp"

#include <stdexcept>

#include "reporting/xlsx_output.hpp"

namespace att::reporting {

std::string write_table_workbook(const std::string& sheet_name, const std::vector<std::string>& headings,
                                 const std::vector<std::vector<TableCell>>& rows, const AboutLines& about) {
  return write_xlsx([&](lxw_workbook* workbook) {
    auto* sheet = workbook_add_worksheet(workbook, sheet_name.c_str());
    if (!sheet) throw std::runtime_error("cannot add the sheet " + sheet_name);
    auto* bold = workbook_add_format(workbook);
    format_set_bold(bold);
    for (std::size_t column = 0; column < headings.size(); ++column) put_text(sheet, 0, column, headings[column], bold);
    for (std::size_t row = 0; row < rows.size(); ++row)
      for (std::size_t column = 0; column < rows[row].size(); ++column) {
        const auto& cell = rows[row][column];
        if (const auto* text = std::get_if<std::string>(&cell))
          put_text(sheet, row + 1, column, *text);
        else if (const auto* number = std::get_if<double>(&cell))
          check_xlsx(worksheet_write_number(sheet, static_cast<lxw_row_t>(row + 1), static_cast<lxw_col_t>(column),
                                            *number, nullptr),
                     "a number cell");
      }
    if (!about.empty()) {
      auto* notes = workbook_add_worksheet(workbook, "About");
      if (!notes) throw std::runtime_error("cannot add the sheet About");
      for (std::size_t row = 0; row < about.size(); ++row) {
        put_text(notes, row, 0, about[row].first, bold);
        put_text(notes, row, 1, about[row].second);
      }
      check_xlsx(worksheet_set_column(notes, 0, 0, 16, nullptr), "widths");
      check_xlsx(worksheet_set_column(notes, 1, 1, 90, nullptr), "widths");
    }
    if (headings.empty()) return;
    worksheet_freeze_panes(sheet, 1, 0);
    check_xlsx(worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(rows.size()),
                                    static_cast<lxw_col_t>(headings.size() - 1)),
               "filter");
    check_xlsx(worksheet_set_column(sheet, 0, static_cast<lxw_col_t>(headings.size() - 1), 14, nullptr), "widths");
  });
}

std::string write_table_workbook(const std::string& sheet_name, const std::vector<std::string>& headings,
                                 const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::vector<TableCell>> cells;
  cells.reserve(rows.size());
  for (const auto& row : rows) cells.emplace_back(row.begin(), row.end());
  return write_table_workbook(sheet_name, headings, cells);
}

}  // namespace att::reporting
