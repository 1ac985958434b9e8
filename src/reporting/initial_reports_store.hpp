// Storing the initial report: the State's answers to the questionnaire, each submission a new
// version (a later one updates the earlier), with one draft at most.
#pragma once

#include <optional>
#include <string>
#include <utility>

#include "core/reports/initial_report.hpp"
#include "reporting/reports_store.hpp"
#include "core/timestamp.hpp"

namespace att::reporting {

// Initial reports: each submission a new version of the State's one initial report (a later one
// updates the earlier). Inside the caller's transaction.
SubmissionReceipt submit_initial(store::Database& db, const reports::InitialReport& report, Channel channel,
                                 std::optional<Date> received, std::optional<std::int64_t> by, Timestamp now);
std::optional<std::pair<VersionSummary, reports::InitialReport>> current_initial(store::Database& db,
                                                                                 const auth::Viewer& viewer,
                                                                                 const std::string& state);

// The initial report's draft: one per State, saved whatever its findings, seen only by those who
// may see drafts; submitting it makes the next version. Inside the caller's transaction.
std::int64_t save_initial_draft(store::Database& db, const reports::InitialReport& report,
                                std::optional<std::int64_t> author, Timestamp now);
std::optional<reports::InitialReport> load_initial_draft(store::Database& db, const auth::Viewer& viewer,
                                                         const std::string& state);
std::optional<SubmissionReceipt> submit_initial_draft(store::Database& db, const std::string& state, Channel channel,
                                                      std::optional<std::int64_t> by, Timestamp now);

}  // namespace att::reporting
