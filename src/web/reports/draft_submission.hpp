// Submitting a State's draft as its next version: checked as a submission, stored, written to
// the audit log and announced to the State's reporting officers, in one transaction. The API
// (POST …/submit) and the reporting tool's page submit this way.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "core/date.hpp"
#include "core/problem.hpp"
#include "reporting/reports_store.hpp"
#include "web/http/http.hpp"
#include "web/kit/app_context.hpp"

namespace att::web {

struct DraftSubmitted {
  reporting::SubmissionReceipt receipt;
  reporting::Channel channel = reporting::Channel::online;
  std::string received;      // ISO date
  Timestamp submitted_at;
};

struct SubmissionFailure {
  enum class Kind { no_draft, template_gone, has_errors } kind = Kind::no_draft;
  std::vector<Problem> problems;  // for has_errors
  std::string template_id;        // for template_gone
};

// The caller has checked that the viewer may submit for `state`. `received`: a report the
// Secretariat enters for a State, received by e-mail on that date.
tl::expected<DraftSubmitted, SubmissionFailure> submit_state_draft(const AppContext& app, const HttpRequest& request,
                                                                   const std::string& state, int year,
                                                                   std::optional<Date> received);

// Whether the viewer submits for another State (the Secretariat entering an e-mailed report).
bool submits_on_behalf(const auth::Viewer& viewer, const std::string& state);

}  // namespace att::web
