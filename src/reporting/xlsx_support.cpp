#include "reporting/xlsx_support.hpp"

#include <stdlib.h>  // mkdtemp

#include <cctype>
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

std::string escape_literal_escapes(const std::string& text) {
  if (text.find("_x") == std::string::npos) return text;
  const auto hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && hex(text[i + 2]) && hex(text[i + 3]) &&
        hex(text[i + 4]) && hex(text[i + 5]) && text[i + 6] == '_')
      out += "_x005F";
    out += text[i];
  }
  return out;
}

}  // namespace att::reporting
