#include "core/reports/annual_report.hpp"

namespace att::reports {

std::string_view to_string(Direction direction) { return direction == Direction::exports ? "export" : "import"; }
std::string_view to_string(Basis basis) { return basis == Basis::authorized ? "authorized" : "actual"; }
std::string_view to_string(Visibility visibility) {
  return visibility == Visibility::public_report ? "public" : "restricted";
}

std::optional<Direction> direction_from_string(std::string_view text) {
  if (text == "export") return Direction::exports;
  if (text == "import") return Direction::imports;
  return std::nullopt;
}

std::optional<Basis> basis_from_string(std::string_view text) {
  if (text == "authorized") return Basis::authorized;
  if (text == "actual") return Basis::actual;
  return std::nullopt;
}

std::optional<Visibility> visibility_from_string(std::string_view text) {
  if (text == "public") return Visibility::public_report;
  if (text == "restricted") return Visibility::restricted;
  return std::nullopt;
}

Visibility AnnualReport::visibility_of(Direction table) const {
  return (table == Direction::exports ? exports_visibility : imports_visibility).value_or(visibility);
}

const std::vector<std::string>& canonical_csv_columns() {
  static const std::vector<std::string> columns = {
      "reporting_state", "year",     "direction", "category",    "partner_state",   "items",
      "value",           "currency", "basis",     "description", "comments",        "state_of_origin",
      "intermediate_location"};
  return columns;
}

}  // namespace att::reports
