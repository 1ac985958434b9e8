// Reading the States register and its aliases from the project's CSV data files.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "core/states_register.hpp"

namespace att::io {

// Every problem found, one per line, each naming the file, line and column.
struct RegisterFileError {
  std::string message;
};

tl::expected<std::vector<StateRecord>, RegisterFileError> parse_states_csv(std::string_view text,
                                                                           std::string_view file_name);
tl::expected<std::vector<StateAlias>, RegisterFileError> parse_aliases_csv(std::string_view text,
                                                                           std::string_view file_name);

// data_dir/states.csv and data_dir/state-aliases.csv
tl::expected<StatesRegister, RegisterFileError> load_register(const std::filesystem::path& data_dir);

}  // namespace att::io
