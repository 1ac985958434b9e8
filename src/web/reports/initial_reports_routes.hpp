// The initial report API: the State's answers to the questionnaire, drafted, submitted as
// versions (a later one updates the earlier) and read by those who may see them.
#pragma once

#include <string>

#include "reporting/reports_store.hpp"
#include "store/database.hpp"
#include "web/kit/app_context.hpp"
#include "web/http/router.hpp"

namespace att::web {

// How a submission by this viewer reached the Secretariat: e-mailed (the Secretariat entering it
// for a State) or online. The reporting tool's page submits as the API does.
reporting::Channel initial_report_channel(const HttpRequest& request, const std::string& state);

// The audit entry and the notice to the State's officers, in the submission's transaction.
void record_initial_submission(const AppContext& app, store::Database& db, const HttpRequest& request,
                               const std::string& state, const reporting::SubmissionReceipt& receipt, Timestamp now);

void add_initial_reports_routes(Router& router, const AppContext& app);

}  // namespace att::web
