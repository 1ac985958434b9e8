// What writing any XLSX file with libxlsxwriter needs: it writes only to disk, so each workbook
// is made in a private temporary folder that goes with it, and every call's error is checked.
#pragma once

#include <xlsxwriter.h>

#include <filesystem>
#include <string>

namespace att::reporting {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Throws std::runtime_error naming `what` unless libxlsxwriter succeeded.
void check(lxw_error error, const std::string& what);

// Text that happens to look like an OOXML escape (_x0041_) would be read back as the character
// it names; Excel writes such text with its underscore escaped (_x005F_x0041_), and so do we.
std::string escape_literal_escapes(const std::string& text);

}  // namespace att::reporting
