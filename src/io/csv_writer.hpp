// Writing CSV (RFC 4180): fields quoted only when they need it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace att::io {

// Who reads the CSV. A spreadsheet takes a field starting with =, +, -, @, a tab or a carriage
// return as a formula (or its start), so CSV written for people neutralises such a field with a
// leading apostrophe, which spreadsheets show as text. CSV for machines (the content hash, a
// script asking for the raw form) carries every field as it is.
enum class CsvFor { people, machines };

// Whether a field written for people gets the apostrophe: it starts with one of those characters.
bool starts_like_formula(std::string_view value);
// The field as it was before it was written for people: an apostrophe that precedes one of those
// characters is removed (the canonical import reads CSV downloaded from the site).
void restore_people_csv_field(std::string& value);

std::string csv_field(std::string_view value, CsvFor reader);
// One record, fields joined by commas, ended by "\n".
std::string csv_line(const std::vector<std::string>& fields, CsvFor reader);

// The same, appended to `out`: writing a large document this way reuses one buffer instead of
// allocating a string per field and per line.
void append_csv_field(std::string& out, std::string_view value, CsvFor reader);
void append_csv_line(std::string& out, const std::vector<std::string>& fields, CsvFor reader);

}  // namespace att::io
