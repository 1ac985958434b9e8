#include "reporting/xlsx_output.hpp"

#include <stdlib.h>  // mkdtemp

#include <cctype>
#include <filesystem>
#include <stdexcept>
#include <system_error>

#include "io/file.hpp"
#include "io/xlsx_reader.hpp"

namespace att::reporting {

namespace {

class TempDir {
 public:
  TempDir() {
    auto pattern = (std::filesystem::temp_directory_path() / "att-xlsx-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot create a temporary folder for the workbook");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace

std::string write_xlsx(const std::function<void(lxw_workbook*)>& fill) {
  TempDir dir;
  const auto file = (dir.path() / "workbook.xlsx").string();
  std::string tmpdir = dir.path().string();
  lxw_workbook_options options{};
  options.constant_memory = LXW_FALSE;
  options.tmpdir = tmpdir.data();
  options.use_zip64 = LXW_FALSE;
  auto* workbook = workbook_new_opt(file.c_str(), &options);
  if (!workbook) throw std::runtime_error("cannot create the workbook");
  try {
    fill(workbook);
  } catch (...) {
    workbook_close(workbook);
    throw;
  }
  check_xlsx(workbook_close(workbook), "saving");
  auto bytes = io::read_file(file);
  if (!bytes) throw std::runtime_error("cannot read the workbook back: " + bytes.error());
  return std::move(*bytes);
}

void check_xlsx(lxw_error error, const std::string& what) {
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

void put_text(lxw_worksheet* sheet, std::size_t row, std::size_t column, const std::string& text, lxw_format* format) {
  if (text.empty()) return;
  const auto escaped = escape_literal_escapes(text);
  check_xlsx(worksheet_write_string(sheet, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(column), escaped.c_str(),
                                    format),
             "cell " + io::cell_reference(row + 1, column + 1));
}

}  // namespace att::reporting
