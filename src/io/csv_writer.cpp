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

bool formula_start(char c) { return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'; }

}  // namespace

bool starts_like_formula(std::string_view value) { return !value.empty() && formula_start(value.front()); }

void restore_people_csv_field(std::string& value) {
  if (value.size() >= 2 && value.front() == '\'' && formula_start(value[1])) value.erase(0, 1);
}

void append_csv_field(std::string& out, std::string_view value, CsvFor reader) {
  // Every field that starts like a formula, a number such as "-5" too: one rule, no guessing.
  const bool neutralise = reader == CsvFor::people && starts_like_formula(value);
  if (!needs_quotes(value)) {
    if (neutralise) out += '\'';
    out += value;
    return;
  }
  out += '"';
  if (neutralise) out += '\'';
  for (const char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void append_csv_line(std::string& out, const std::vector<std::string>& fields, CsvFor reader) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    append_csv_field(out, fields[i], reader);
  }
  out += '\n';
}

std::string csv_field(std::string_view value, CsvFor reader) {
  std::string out;
  append_csv_field(out, value, reader);
  return out;
}

std::string csv_line(const std::vector<std::string>& fields, CsvFor reader) {
  std::string out;
  append_csv_line(out, fields, reader);
  return out;
}

}  // namespace att::io
