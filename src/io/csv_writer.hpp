// Writing CSV (RFC 4180): fields quoted only when they need it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace att::io {

std::string csv_field(std::string_view value);
// One record, fields joined by commas, ended by "\n".
std::string csv_line(const std::vector<std::string>& fields);

// The same, appended to `out`: writing a large document this way reuses one buffer instead of
// allocating a string per field and per line.
void append_csv_field(std::string& out, std::string_view value);
void append_csv_line(std::string& out, const std::vector<std::string>& fields);

}  // namespace att::io
