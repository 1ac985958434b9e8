// Reported problems in the database. Whoever may answer them (auth::Permission::
// answer_problem_reports) reads them all; anyone else only their own: the condition is part of
// every query, so someone else's report is indistinguishable from one that does not exist.
#pragma once

#include "auth/viewer.hpp"
#include "exchange/problem_reports.hpp"
#include "store/database.hpp"

namespace att::exchange {

// nullopt when the viewer may not report (anonymous) or the description is empty.
std::optional<std::int64_t> report_problem(store::Database& db, const auth::Viewer& viewer,
                                           const NewProblemReport& report, Timestamp now);

// Open ones first, then oldest first: the Secretariat's queue, or the viewer's own reports.
std::vector<ProblemReport> problem_reports_for(store::Database& db, const auth::Viewer& viewer);
// With its answers; nullopt when it does not exist or is not the viewer's to read.
std::optional<ProblemReport> find_problem_report(store::Database& db, const auth::Viewer& viewer, std::int64_t id);

enum class AnswerOutcome { done, not_found, refused, invalid };

// Records an answer, and closes the report when `close` (a closed one stays closed). Only those
// who may answer; an empty answer is invalid. It opens no transaction of its own: the caller's
// holds the answer, the mail to the reporter and the audit entry together.
AnswerOutcome answer_problem_report(store::Database& db, const auth::Viewer& viewer, std::int64_t id,
                                    const std::string& answer, bool close, Timestamp now);

}  // namespace att::exchange
