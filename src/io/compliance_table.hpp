// The reporting status table as rows of text: the same columns for the CSV and XLSX downloads
// and for `att status`.
#pragma once

#include <string>
#include <vector>

#include "core/compliance/status_table.hpp"
#include "io/csv_writer.hpp"

namespace att::io {

const std::vector<std::string>& status_headings();
std::vector<std::string> status_cells(const compliance::StatusRow& row);
std::vector<std::vector<std::string>> status_cells(const compliance::StatusTable& table);

// The headings, then one line per State.
std::string status_csv(const compliance::StatusTable& table, CsvFor reader);

}  // namespace att::io
