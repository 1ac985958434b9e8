// A small, defensive XLSX reader: the cells of every worksheet as text. Uploaded files are
// untrusted, so everything is bounded: the bytes unpacked (counted as they come, never taken
// from the zip headers alone), each part's size and compression ratio, and the rows, columns
// and cells kept. Formulas are not evaluated (their cached result is read); styles are ignored.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "core/problem.hpp"

namespace att::io {

struct XlsxLimits {
  std::size_t max_total_bytes = 100u * 1024 * 1024;  // unpacked, over all the parts read
  std::size_t max_part_bytes = 50u * 1024 * 1024;    // unpacked, one part
  std::size_t max_ratio = 200;                       // unpacked : packed, checked past ratio_floor
  std::size_t ratio_floor = 1024 * 1024;
  std::size_t max_entries = 10000;  // files in the archive
  std::size_t max_sheets = 100;
  std::size_t max_rows = 100000;  // highest row number accepted
  std::size_t max_columns = 1000;
  std::size_t max_cells = 2000000;  // non-empty cells, all sheets
};

struct XlsxSheet {
  std::string name;
  bool hidden = false;
  // row (1-based) -> column (1-based, A = 1) -> text; empty cells are not kept.
  std::map<std::size_t, std::map<std::size_t, std::string>> rows;

  // The text of a cell, empty when there is none.
  [[nodiscard]] const std::string& cell(std::size_t row, std::size_t column) const;
  [[nodiscard]] std::size_t last_row() const { return rows.empty() ? 0 : rows.rbegin()->first; }
};

struct XlsxWorkbook {
  std::vector<XlsxSheet> sheets;  // in the workbook's order
  // By exact name, else ignoring ASCII case; null when absent.
  [[nodiscard]] const XlsxSheet* sheet(std::string_view name) const;
};

// Cell text: shared and inline strings as written (the _xHHHH_ escapes decoded), numbers as the
// shortest decimal that reads back the same (350000, 0.1), booleans as TRUE/FALSE, errors as
// written (#N/A). The error is a problem (xlsx_...) fit to show to whoever uploaded the file.
tl::expected<XlsxWorkbook, Problem> read_xlsx(std::string_view bytes, const XlsxLimits& limits = {});

// 1 -> "A", 27 -> "AA"; and (12, 3) -> "C12".
std::string column_letters(std::size_t column);
std::string cell_reference(std::size_t row, std::size_t column);

}  // namespace att::io
