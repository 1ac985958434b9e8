// Writing CSV (RFC 4180): fields quoted only when they need it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace att::io {

std::string csv_field(std::string_view value);
// One record, fields joined by commas, ended by "\n".
std::string csv_line(const std::vector<std::string>& fields);

}  // namespace att::io
