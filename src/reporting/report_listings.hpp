// Reports as the public pages list them besides /reports: every version of one State's reports
// (its page), the latest received and the count received in a period (the home page). Each read
// takes the Viewer and puts its read rule into the query.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "auth/viewer.hpp"
#include "core/date.hpp"
#include "reporting/reports_store.hpp"
#include "store/database.hpp"

namespace att::reporting {

// Every submitted, superseded or recalled annual version of the State's reports that the viewer
// may see: newest year first, each year's versions oldest first.
std::vector<VersionSummary> versions_of_state(store::Database& db, const auth::Viewer& viewer,
                                              const std::string& state);

// The current annual versions the viewer may see, the most recently received first.
std::vector<VersionSummary> latest_reports(store::Database& db, const auth::Viewer& viewer, std::size_t limit);

// How many annual reports (a State and a year) have a submitted version received between `from`
// and `to` (both included) that the viewer may see.
std::int64_t reports_received(store::Database& db, const auth::Viewer& viewer, Date from, Date to);

}  // namespace att::reporting
