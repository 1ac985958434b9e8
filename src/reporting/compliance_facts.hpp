// What reporting status reads of the stored versions of one report: when each was received and
// recalled, and its visibility. These are public: the status of a report restricted to States
// Parties is public, its content is not. Whether a version is a nil report is content: it is
// given only where the read rule lets the viewer read that version.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "auth/viewer.hpp"
#include "core/compliance/status_table.hpp"
#include "store/database.hpp"

namespace att::reporting {

// Every submitted version (recalled ones too) of the annual reports of `year`, or with no year
// of the initial reports, by reporting State.
std::map<std::string, std::vector<compliance::VersionFacts>> version_facts(store::Database& db,
                                                                            const auth::Viewer& viewer,
                                                                            std::optional<int> year);

// Every submitted version of every report (annual and initial), or of one State's reports.
compliance::ReportFacts report_facts(store::Database& db, const auth::Viewer& viewer,
                                     const std::optional<std::string>& state = std::nullopt);

}  // namespace att::reporting
