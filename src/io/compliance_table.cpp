#include "io/compliance_table.hpp"

namespace att::io {

const std::vector<std::string>& status_headings() {
  static const std::vector<std::string> headings = {"iso3",      "region",   "status",     "due", "received",
                                                    "days_late", "versions", "visibility", "nil"};
  return headings;
}

std::vector<std::string> status_cells(const compliance::StatusRow& row) {
  const auto& status = row.status;
  return {row.state->iso3,
          row.state->region,
          std::string(to_string(status.timeliness)),
          row.obligation.due.iso(),
          status.first_received ? status.first_received->iso() : "",
          std::to_string(status.days_late),
          std::to_string(status.versions),
          row.visibility ? std::string(to_string(*row.visibility)) : "",
          row.nil ? (*row.nil ? "yes" : "no") : ""};
}

std::vector<std::vector<std::string>> status_cells(const compliance::StatusTable& table) {
  std::vector<std::vector<std::string>> cells;
  cells.reserve(table.rows.size());
  for (const auto& row : table.rows) cells.push_back(status_cells(row));
  return cells;
}

std::string status_csv(const compliance::StatusTable& table, CsvFor reader) {
  std::string out;
  append_csv_line(out, status_headings(), reader);
  for (const auto& row : table.rows) append_csv_line(out, status_cells(row), reader);
  return out;
}

}  // namespace att::io
