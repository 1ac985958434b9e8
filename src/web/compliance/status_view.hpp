// Reporting status as pages show it: each status with its symbol and its words (so that it reads
// without colour), rates as percentages in the reader's way, one obligation as a row, and a
// State's obligations as an HTML fragment that a State's page can include.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/compliance/status_table.hpp"
#include "web/kit/app_context.hpp"

namespace att::web {

// {"status": "late", "symbol": "!", "label": "Late"}
nlohmann::json timeliness_view(const AppContext& app, Language language, compliance::Timeliness timeliness);

// part / whole as a percentage with one decimal, "63.4", the same in every language (for charts);
// empty when whole is 0.
std::string percent_decimal(int part, int whole);

// part / whole as "63.4%" ("63,4 %" in French); "–" when whole is 0.
std::string percent_text(const AppContext& app, Language language, int part, int whole);

// One obligation for a page: the report, its due and received dates in words, its status
// (timeliness_view), visibility and versions.
nlohmann::json obligation_view(const AppContext& app, Language language, const compliance::StatusRow& row);

// A State's obligations on a date, each with where it stands, as an HTML fragment (a heading and a
// table) rendered from web/templates/compliance/state_history.mustache.
std::string state_history_html(const AppContext& app, Language language, const StateRecord& state, Date as_of,
                               const std::vector<compliance::StatusRow>& rows);

}  // namespace att::web
