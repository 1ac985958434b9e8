// How report versions are read from the database: the summary columns, the condition that picks
// the current version, and the visibility rule applied to every row read. Shared by the stores
// of annual and initial reports (not part of their public interface).
#pragma once

#include "auth/viewer.hpp"
#include "reporting/reports_store.hpp"
#include "store/database.hpp"

namespace att::reporting {

// SELECT ... FROM report_versions v JOIN reports r: columns 0-17 as read by summary_from; 12-14
// are the template, the restriction reason and the header document.
extern const char* const version_summary_select;
// The current version: the newest submitted one of its report (a WHERE condition on v).
extern const char* const current_version_condition;

VersionSummary summary_from(const store::Row& row);
// Whether the viewer may see this version: the one policy rule, auth::may_read_report.
bool visible_to(const auth::Viewer& viewer, const VersionSummary& summary);

}  // namespace att::reporting
