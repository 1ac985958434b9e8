// Reporting status as JSON, the same for the API and `att status`: totals with their rates, one
// object per State, the totals of each region and of each year, and the changes between dates.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/compliance/status_changes.hpp"
#include "core/compliance/status_history.hpp"
#include "core/compliance/status_table.hpp"

namespace att::io {

nlohmann::json status_totals_json(const compliance::StatusTotals& totals);
nlohmann::json status_row_json(const compliance::StatusRow& row);
// {"report", "year" (annual only), "as_of", "totals", "regions", "states": [row, …]}: the whole table.
nlohmann::json status_table_json(const compliance::StatusTable& table, std::optional<int> year, Date as_of);
// {"<region>": totals, …}
nlohmann::json status_regions_json(const std::map<std::string, compliance::StatusTotals>& regions);
// {"year": Y, "totals": {…}, "regions": {…}}
nlohmann::json year_totals_json(const compliance::YearTotals& year);
// One obligation of a State: {"report": "annual", "year": Y (annual only), "status": …, "due": …, …}
nlohmann::json state_obligation_json(const compliance::StatusRow& row);
// {"iso3", "region", "report", "year" (annual only), "before": obligation or null, "after": …}
nlohmann::json status_change_json(const compliance::StatusChange& change);
// {"report", "year" (annual only), "before": totals, "after": totals}
nlohmann::json report_comparison_json(const compliance::ReportComparison& comparison);

}  // namespace att::io
