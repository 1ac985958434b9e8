#include "reporting/xlsx_support.hpp"

#include <stdlib.h>  // mkdtemp

#include <stdexcept>
#include <system_error>

namespace att::reporting {

TempDir::TempDir() {
  auto pattern = (std::filesystem::temp_directory_path() / "att-xlsx-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot create a temporary folder for the workbook");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

void check(lxw_error error, const std::string& what) {
  if (error != LXW_NO_ERROR)
    throw std::runtime_error("cannot write the workbook (" + what + "): " + lxw_strerror(error));
}

}  // namespace att::reporting
