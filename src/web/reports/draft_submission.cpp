#include "web/reports/draft_submission.hpp"

#include "auth/audit_log.hpp"
#include "core/reports/validation.hpp"
#include "web/kit/guard.hpp"
#include "web/reports/report_notices.hpp"
#include "core/timestamp.hpp"

namespace att::web {

bool submits_on_behalf(const auth::Viewer& viewer, const std::string& state) {
  return viewer.has(auth::Role::secretariat) && viewer.state_iso3 != state;
}

tl::expected<DraftSubmitted, SubmissionFailure> submit_state_draft(const AppContext& app, const HttpRequest& request,
                                                                   const std::string& state, int year,
                                                                   std::optional<Date> received) {
  using Kind = SubmissionFailure::Kind;
  auto db = app.pool->acquire();
  const auto draft = reporting::load_draft(*db, request.visit.viewer, state, year);
  if (!draft) return tl::unexpected(SubmissionFailure{Kind::no_draft, {}, {}});
  const auto* report_template = app.templates->by_id(draft->template_id);
  if (!report_template) return tl::unexpected(SubmissionFailure{Kind::template_gone, {}, draft->template_id});
  auto result = reports::validate(*draft, *report_template, *app.states, {today_utc(), reports::Stage::submission});
  if (result.has_errors()) return tl::unexpected(SubmissionFailure{Kind::has_errors, std::move(result.findings), {}});
  // The Secretariat enters reports received by e-mail; States submit online.
  const auto& viewer = request.visit.viewer;
  const auto channel = submits_on_behalf(viewer, state) ? reporting::Channel::email : reporting::Channel::online;
  const auto now = Timestamp::now();
  store::Transaction transaction(*db);
  std::optional<reporting::SubmissionReceipt> receipt;
  try {
    receipt = reporting::submit_draft(*db, state, year, channel, received, viewer.user_id, now);
  } catch (const reporting::SubmissionRefused& refusal) {
    return tl::unexpected(SubmissionFailure{Kind::has_errors, {refusal.problem()}, {}});
  }
  const auto received_iso = received ? received->iso() : now.date().iso();
  auth::append_audit(*db, audit_entry(request, "report_submitted", "report:" + state + "/" + std::to_string(year),
                                      "version " + std::to_string(receipt->version_no)),
                     now);
  reporting::notify(*db, notice_writer(app),
                    {receipt->amended ? reports::Transition::amend : reports::Transition::submit, state, year,
                     receipt->version_no, received_iso, receipt->content_hash, ""});
  transaction.commit();
  return DraftSubmitted{*receipt, channel, received_iso, now};
}

}  // namespace att::web
