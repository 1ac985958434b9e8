#include "reporting/table_workbook.hpp"

#include <stdexcept>

#include "io/file.hpp"
#include "reporting/xlsx_support.hpp"

namespace att::reporting {

std::string write_table_workbook(const std::string& sheet_name, const std::vector<std::string>& header,
                                 const std::vector<std::vector<TableCell>>& rows) {
  TempDir dir;
  const auto file = (dir.path() / "table.xlsx").string();
  std::string tmpdir = dir.path().string();
  lxw_workbook_options options{};
  // Rows are written in order and never revisited: keep one row in memory, not the sheet.
  options.constant_memory = LXW_TRUE;
  options.tmpdir = tmpdir.data();
  auto* workbook = workbook_new_opt(file.c_str(), &options);
  if (!workbook) throw std::runtime_error("cannot create the workbook");
  try {
    auto* sheet = workbook_add_worksheet(workbook, sheet_name.c_str());
    if (!sheet) throw std::runtime_error("cannot add the sheet " + sheet_name);
    auto* bold = workbook_add_format(workbook);
    format_set_bold(bold);
    for (std::size_t c = 0; c < header.size(); ++c)
      check(worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), header[c].c_str(), bold), "header");
    for (std::size_t r = 0; r < rows.size(); ++r) {
      const auto row = static_cast<lxw_row_t>(r + 1);
      for (std::size_t c = 0; c < rows[r].size(); ++c) {
        const auto col = static_cast<lxw_col_t>(c);
        const auto& cell = rows[r][c];
        if (const auto* text = std::get_if<std::string>(&cell); text && !text->empty())
          check(worksheet_write_string(sheet, row, col, escape_literal_escapes(*text).c_str(), nullptr), "a text cell");
        else if (const auto* number = std::get_if<double>(&cell))
          check(worksheet_write_number(sheet, row, col, *number, nullptr), "a number cell");
      }
    }
  } catch (...) {
    workbook_close(workbook);
    throw;
  }
  check(workbook_close(workbook), "saving");
  auto bytes = io::read_file(file);
  if (!bytes) throw std::runtime_error("cannot read the workbook back: " + bytes.error());
  return std::move(*bytes);
}

}  // namespace att::reporting
