// Whole-file reads with an error that names the file.
#pragma once

#include <filesystem>
#include <string>

#include <tl/expected.hpp>

namespace att::io {

tl::expected<std::string, std::string> read_file(const std::filesystem::path& path);

}  // namespace att::io
