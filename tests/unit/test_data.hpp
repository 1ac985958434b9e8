// Helpers for table-driven tests whose cases live in CSV files under tests/unit/data.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "core/states_register.hpp"
#include "io/csv_reader.hpp"
#include "io/file.hpp"
#include "io/register_file.hpp"

namespace att::testing {

inline io::CsvTable read_cases(const std::string& file) {
  const auto text = io::read_file(std::string(ATT_TEST_DATA_DIR) + "/" + file);
  if (!text) throw std::runtime_error(text.error());
  auto table = io::CsvTable::parse(*text);
  if (!table) throw std::runtime_error(file + ": " + table.error().message);
  return std::move(*table);
}

// The project's own register, as shipped in data/.
inline const StatesRegister& project_register() {
  static const StatesRegister loaded = [] {
    auto result = io::load_register(ATT_DATA_DIR);
    if (!result) throw std::runtime_error(io::codes_of(result.error()));
    return std::move(*result);
  }();
  return loaded;
}

}  // namespace att::testing
