#include "web/reports/initial_reports_routes.hpp"

#include <filesystem>

#include "auth/audit_log.hpp"
#include "core/date.hpp"
#include "io/initial_report_json.hpp"
#include "io/templates_file.hpp"
#include "reporting/initial_reports_store.hpp"
#include "web/http/api_errors.hpp"
#include "web/kit/guard.hpp"
#include "web/reports/report_api_views.hpp"
#include "web/reports/report_notices.hpp"
#include "core/timestamp.hpp"

namespace att::web {

namespace {

// The State of the URL and the caller's right to draft and submit for it, or the answer.
tl::expected<std::string, HttpResponse> state_for_submitting(const AppContext& app, HttpRequest& request) {
  const auto* state = app.states->find_by_code(request.path_param("state"));
  if (!state)
    return tl::unexpected(api_error(404, "unknown_state",
                                    app.catalog.text(language_of(request), "errors.state_unknown",
                                                     {{"code", request.path_param("state").substr(0, 40)}})));
  if (auto refusal = refuse_unless(app, request, auth::Permission::submit_reports, state->iso3))
    return tl::unexpected(std::move(*refusal));
  return state->iso3;
}

tl::expected<reports::Questionnaire, HttpResponse> questionnaire_of_today(const AppContext& app) {
  const auto* report_template = app.templates->for_year("initial", today_utc().year());
  auto questionnaire =
      report_template
          ? io::load_questionnaire(std::filesystem::path(app.data_dir) / "templates" / (report_template->id + ".json"))
          : tl::unexpected(std::string("no initial report template"));
  if (!questionnaire) return tl::unexpected(api_error(500, "template_missing", questionnaire.error()));
  return std::move(*questionnaire);
}

// The body read as an initial report of `state` and checked against today's questionnaire.
struct CheckedReport {
  reports::InitialReport report;
  reports::ValidationResult result;
};

tl::expected<CheckedReport, HttpResponse> checked_body(const AppContext& app, HttpRequest& request,
                                                       const std::string& state) {
  const auto document = json_body(app, request);
  if (!document) return tl::unexpected(document.error());
  auto report = io::initial_report_from_json(*document);
  if (!report) return tl::unexpected(api_error(400, "invalid_report", report.error()));
  report->reporting_state = state;
  const auto questionnaire = questionnaire_of_today(app);
  if (!questionnaire) return tl::unexpected(questionnaire.error());
  report->template_id = questionnaire->id;
  auto result = reports::validate(*report, *questionnaire);
  return CheckedReport{std::move(*report), std::move(result)};
}

HttpResponse has_errors(const AppContext& app, Language language, const reports::ValidationResult& result) {
  return api_error(422, "report_has_errors", app.catalog.text(language, "errors.report_has_errors"),
                   {{"findings", findings_json(app, language, result)}});
}


HttpResponse receipt_response(const std::string& state, const reporting::SubmissionReceipt& receipt,
                              Timestamp now) {
  return HttpResponse::json(201, json_text({{"receipt",
                                             {{"reporting_state", state},
                                              {"type", "initial"},
                                              {"version", receipt.version_no},
                                              {"updates_earlier_version", receipt.amended},
                                              {"submitted_at", now.iso()},
                                              {"content_hash", receipt.content_hash}}}}));
}


HttpResponse submit_directly(const AppContext& app, HttpRequest& request) {
  const auto state = state_for_submitting(app, request);
  if (!state) return state.error();
  const auto checked = checked_body(app, request, *state);
  if (!checked) return checked.error();
  if (checked->result.has_errors()) return has_errors(app, language_of(request), checked->result);
  const auto now = Timestamp::now();
  auto db = app.pool->acquire();
  store::Transaction transaction(*db);
  const auto receipt = reporting::submit_initial(*db, checked->report, initial_report_channel(request, *state), std::nullopt,
                                                 request.visit.viewer.user_id, now);
  record_initial_submission(app, *db, request, *state, receipt, now);
  transaction.commit();
  return receipt_response(*state, receipt, now);
}

HttpResponse save_draft(const AppContext& app, HttpRequest& request) {
  const auto state = state_for_submitting(app, request);
  if (!state) return state.error();
  const auto checked = checked_body(app, request, *state);
  if (!checked) return checked.error();
  // Saved with its errors, but not with a control character (as for an annual report's draft).
  if (checked->result.has_code(problem_codes::control_character))
    return has_errors(app, language_of(request), checked->result);
  auto db = app.pool->acquire();
  store::Transaction transaction(*db);
  reporting::save_initial_draft(*db, checked->report, request.visit.viewer.user_id, Timestamp::now());
  transaction.commit();
  return HttpResponse::json(200, json_text({{"saved", true},
                                            {"template", checked->report.template_id},
                                            {"errors", checked->result.error_count()},
                                            {"findings", findings_json(app, language_of(request), checked->result)}}));
}

HttpResponse get_draft(const AppContext& app, HttpRequest& request) {
  const auto* state = app.states->find_by_code(request.path_param("state"));
  const auto iso3 = state ? state->iso3 : std::string();
  if (auto refusal = refuse_unless(app, request, auth::Permission::read_drafts, iso3)) return std::move(*refusal);
  auto db = app.pool->acquire();
  const auto draft = state ? reporting::load_initial_draft(*db, request.visit.viewer, iso3) : std::nullopt;
  if (!draft) return api_error(404, "draft_not_found", app.catalog.text(language_of(request), "errors.draft_not_found"));
  auto response = HttpResponse::json(200, json_text(io::initial_report_json(*draft)));
  response.set_private_no_store();
  return response;
}

HttpResponse submit_draft(const AppContext& app, HttpRequest& request) {
  const auto language = language_of(request);
  const auto state = state_for_submitting(app, request);
  if (!state) return state.error();
  auto db = app.pool->acquire();
  const auto draft = reporting::load_initial_draft(*db, request.visit.viewer, *state);
  if (!draft) return api_error(404, "draft_not_found", app.catalog.text(language, "errors.draft_not_found"));
  // Checked again against today's questionnaire: it may have changed since the draft was saved.
  const auto questionnaire = questionnaire_of_today(app);
  if (!questionnaire) return questionnaire.error();
  const auto result = reports::validate(*draft, *questionnaire);
  if (result.has_errors()) return has_errors(app, language, result);
  const auto now = Timestamp::now();
  store::Transaction transaction(*db);
  const auto receipt =
      reporting::submit_initial_draft(*db, *state, initial_report_channel(request, *state), request.visit.viewer.user_id, now);
  record_initial_submission(app, *db, request, *state, *receipt, now);
  transaction.commit();
  return receipt_response(*state, *receipt, now);
}

HttpResponse get_current(const AppContext& app, HttpRequest& request) {
  const auto language = language_of(request);
  const auto* state = app.states->find_by_code(request.path_param("state"));
  auto db = app.pool->acquire();
  const auto found = state ? reporting::current_initial(*db, request.visit.viewer, state->iso3) : std::nullopt;
  if (!found) return api_error(404, "report_not_found", app.catalog.text(language, "errors.report_not_found"));
  const auto& [summary, report] = *found;
  if (summary.visibility == reports::Visibility::restricted)
    auth::record_audit(*db, audit_entry(request, "restricted_report_read", "initial-report:" + summary.reporting_state),
                       Timestamp::now());
  auto body = io::initial_report_json(report);
  body["version"] = summary_json(summary);
  return HttpResponse::json(200, json_text(body));
}

}  // namespace

// The Secretariat enters reports received by e-mail; States submit online.
reporting::Channel initial_report_channel(const HttpRequest& request, const std::string& state) {
  const auto& viewer = request.visit.viewer;
  return viewer.has(auth::Role::secretariat) && viewer.state_iso3 != state ? reporting::Channel::email
                                                                           : reporting::Channel::online;
}

void record_initial_submission(const AppContext& app, store::Database& db, const HttpRequest& request,
                               const std::string& state, const reporting::SubmissionReceipt& receipt, Timestamp now) {
  auth::append_audit(db, audit_entry(request, "initial_report_submitted", "initial-report:" + state,
                                     "version " + std::to_string(receipt.version_no)),
                     now);
  reporting::notify(db, notice_writer(app),
                    {receipt.amended ? reports::Transition::amend : reports::Transition::submit, state, std::nullopt,
                     receipt.version_no, now.date().iso(), receipt.content_hash, ""});
}

void add_initial_reports_routes(Router& router, const AppContext& app) {
  router.add(HttpMethod::get, "/api/v1/initial-reports/{state}", [&app](HttpRequest& r) { return get_current(app, r); });
  router.add(HttpMethod::post, "/api/v1/initial-reports/{state}", [&app](HttpRequest& r) { return submit_directly(app, r); });
  router.add(HttpMethod::get, "/api/v1/initial-reports/{state}/draft", [&app](HttpRequest& r) { return get_draft(app, r); });
  router.add(HttpMethod::put, "/api/v1/initial-reports/{state}/draft", [&app](HttpRequest& r) { return save_draft(app, r); });
  router.add(HttpMethod::post, "/api/v1/initial-reports/{state}/submit", [&app](HttpRequest& r) { return submit_draft(app, r); });
}

}  // namespace att::web
