// How report versions are read from the database: the summary columns, the condition that picks
// the current version, and the visibility rule as a condition inside every query. Shared by the stores
// of annual and initial reports (not part of their public interface).
#pragma once

#include "auth/viewer.hpp"
#include "reporting/reports_store.hpp"
#include "store/database.hpp"

namespace att::reporting {

// SELECT ... FROM report_versions v JOIN reports r: columns 0-19 as read by summary_from; 12-14
// are the template, the restriction reason and the header document.
extern const char* const version_summary_select;
// The current version: the newest submitted one of its report (a WHERE condition on v).
extern const char* const current_version_condition;

VersionSummary summary_from(const store::Row& row);
// The summary SELECT of one submitted annual version of (state, year): version `version_no`, or
// the current one. It ends in "AND": the caller appends the visibility condition it needs.
std::string annual_version_query(const std::string& state, int year, std::optional<std::int64_t> version_no,
                                 store::Params& params);
// The columns of a line (l), in the order line_from reads them from `first` on.
extern const char* const line_columns;
reports::ReportLine line_from(const store::Row& row, std::size_t first = 0);
// The stored status of a new submission, through the named transition: the first version is
// submitted, a later one amends the earlier (both annual and initial reports).
std::string submitted_status(bool amends);
// A WHERE condition on v and r: the versions the viewer may read (auth::read_report_condition).
// Its values are appended to `params`, so call it where its $n belong.
std::string readable_by(const auth::Viewer& viewer, store::Params& params);
// The same rule for whoever may read every table of a version (its original documents).
std::string wholly_readable_by(const auth::Viewer& viewer, store::Params& params);
// The same rule for lines (l, joined to v and r): each line is judged by its table's visibility.
std::string lines_readable_by(const auth::Viewer& viewer, store::Params& params);

}  // namespace att::reporting
