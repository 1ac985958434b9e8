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

}  // namespace att::reporting
