// Reporting status as JSON, the same for the API and `att status`: totals with their rates, and
// one object per State.
#pragma once

#include <nlohmann/json.hpp>

#include "core/compliance/status_table.hpp"

namespace att::io {

nlohmann::json status_totals_json(const compliance::StatusTotals& totals);
nlohmann::json status_row_json(const compliance::StatusRow& row);

}  // namespace att::io
