// An annual report (Article 13(3)): a header and the lines of its exports and imports tables.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace att::reports {

enum class Direction { exports, imports };
enum class Basis { authorized, actual };
enum class Visibility { public_report, restricted };  // restricted: States Parties only

std::string_view to_string(Direction direction);  // "export" / "import"
std::string_view to_string(Basis basis);
std::string_view to_string(Visibility visibility);  // "public" / "restricted"
std::optional<Direction> direction_from_string(std::string_view text);
std::optional<Basis> basis_from_string(std::string_view text);
std::optional<Visibility> visibility_from_string(std::string_view text);

struct ReportLine {
  Direction direction = Direction::exports;
  std::string category;        // canonical code: I ... VIII.LW.7, or NAT:<name>
  std::string partner_state;   // ISO3: final importing State (exports) / exporting State (imports)
  std::optional<std::int64_t> items;
  std::string value;           // a non-negative decimal as written ("1250000.50"), empty when not given
  std::string currency;        // ISO 4217, required with a value
  std::optional<Basis> basis;  // falls back to the report's default basis
  std::string description;
  std::string comments;
  std::string state_of_origin;  // ISO3 when not the exporter
  std::string intermediate_location;
  std::size_t source_row = 0;  // row of the file it came from (0: typed in)
};

struct ContactPoint {
  std::string name, position, department, address, email, telephone;
};

struct AnnualReport {
  std::string reporting_state;  // ISO3
  int year = 0;
  std::string template_id;
  bool nil_exports = false;
  bool nil_imports = false;
  Visibility visibility = Visibility::restricted;  // the report-wide choice
  // The provisional template marks each form public or not: a table's own choice, when it
  // differs from the report's.
  std::optional<Visibility> exports_visibility;
  std::optional<Visibility> imports_visibility;
  std::string restriction_reason;
  bool withheld_all = false;                     // Article 13(3) declaration for the whole report
  std::vector<std::string> withheld_categories;  // or per category
  std::optional<Basis> default_basis;
  std::string comments;
  std::string national_definitions;  // optional annex: how the State defines its categories
  ContactPoint contact;
  std::vector<ReportLine> lines;

  [[nodiscard]] Visibility visibility_of(Direction table) const;
};

// The columns of the canonical CSV of report lines, in order.
const std::vector<std::string>& canonical_csv_columns();

}  // namespace att::reports
