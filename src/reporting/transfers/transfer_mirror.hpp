// The mirror comparison (the CITES trade database's "comparative tabulation"): what exporters
// reported exporting next to what importers reported importing, by year, category, exporter and
// importer, with what makes the two hard to compare (basis, units) and where they disagree.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "reporting/transfers/line_table.hpp"
#include "reporting/transfers/query_budget.hpp"

namespace att::transfers {

// One side's figures: from the exporter's exports table, or the importer's imports table.
struct MirrorSide {
  int year = 0;
  std::int64_t lines = 0;
  std::int64_t items = 0;
  bool gave_items = false;
  std::map<std::string, double> values;  // per currency
  std::set<std::string> bases;           // "authorized", "actual", "" (not said)
};

enum class Discrepancy { only_exporter, only_importer, items_differ, values_differ };
std::string_view to_string(Discrepancy discrepancy);

struct MirrorPair {
  int year = 0;  // the exporter's year when it reported, else the importer's
  std::string category, exporter, importer;
  std::optional<MirrorSide> exporter_side, importer_side;
  bool basis_differs = false;  // the two sides did not report on the same basis
  bool units_differ = false;   // one counted items and the other values, or in other currencies
  std::vector<Discrepancy> discrepancies;
};

struct MirrorFilter {
  std::vector<std::string> exporters, importers;  // empty: any
  int year_tolerance = 0;                         // 0, or 1: pair a year's exports with next or last year's imports
};

// `selected`: the lines the viewer may see that match the shared filter (line_selection.hpp),
// both directions. Pairs in order of year, category, exporter, importer.
std::vector<MirrorPair> mirror(const LineTable& table, const std::vector<std::uint32_t>& selected,
                               const MirrorFilter& filter, const BudgetWatch& watch = BudgetWatch::unlimited());

}  // namespace att::transfers
