// Reading the States register and its aliases from the project's CSV data files.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "core/problem.hpp"
#include "core/states_register.hpp"

namespace att::io {

// Every problem found in one of the files, each located by line and column and told by its code
// (register_*, csv_*, file_unreadable), so that `att` says it in the reader's language.
struct RegisterFileError {
  std::string file;
  std::vector<Problem> problems;
};

// "states.csv:3: iso3: register_code_length" per problem, one per line: for logs and tests, not
// for people (they get the catalogue's words).
std::string codes_of(const RegisterFileError& error);

tl::expected<std::vector<StateRecord>, RegisterFileError> parse_states_csv(std::string_view text,
                                                                           std::string_view file_name);
tl::expected<std::vector<StateAlias>, RegisterFileError> parse_aliases_csv(std::string_view text,
                                                                           std::string_view file_name);

// data_dir/states.csv and data_dir/state-aliases.csv
tl::expected<StatesRegister, RegisterFileError> load_register(const std::filesystem::path& data_dir);

}  // namespace att::io
