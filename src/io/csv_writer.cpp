#include "io/csv_writer.hpp"

namespace att::io {

namespace {

// A plain loop: string_view::find_first_of searches the set once per character, which made it
// the slowest step of hashing a large report.
bool needs_quotes(std::string_view value) {
  for (const char c : value)
    if (c == ',' || c == '"' || c == '\r' || c == '\n') return true;
  return false;
}

}  // namespace

void append_csv_field(std::string& out, std::string_view value) {
  if (!needs_quotes(value)) {
    out += value;
    return;
  }
  out += '"';
  for (const char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void append_csv_line(std::string& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    append_csv_field(out, fields[i]);
  }
  out += '\n';
}

std::string csv_field(std::string_view value) {
  std::string out;
  append_csv_field(out, value);
  return out;
}

std::string csv_line(const std::vector<std::string>& fields) {
  std::string out;
  append_csv_line(out, fields);
  return out;
}

}  // namespace att::io
