// What every workbook written with libxlsxwriter shares: a private temporary folder for the file
// and its scratch data, errors turned into exceptions, and text escaped as Excel writes it.
#pragma once

#include <xlsxwriter.h>

#include <cstddef>
#include <functional>
#include <string>

namespace att::reporting {

// The workbook's bytes: `fill` adds its sheets; the folder is removed whatever happens. Throws
// std::runtime_error when libxlsxwriter fails (disk full, a text over 32767 characters).
std::string write_xlsx(const std::function<void(lxw_workbook*)>& fill);

// Throws std::runtime_error naming `what` unless `error` is LXW_NO_ERROR.
void check_xlsx(lxw_error error, const std::string& what);

// Text that happens to look like an OOXML escape (_x0041_) would be read back as the character
// it names; Excel writes such text with its underscore escaped (_x005F_x0041_), and so do we.
std::string escape_literal_escapes(const std::string& text);

// A text cell, 0-based row and column; an empty text leaves the cell empty.
void put_text(lxw_worksheet* sheet, std::size_t row, std::size_t column, const std::string& text,
              lxw_format* format = nullptr);

}  // namespace att::reporting
