#include "web/reporting/submission_page.hpp"

#include <algorithm>

#include "core/reports/validation.hpp"
#include "reporting/reports_store.hpp"
#include "text/numbers.hpp"
#include "text/problem_text.hpp"
#include "web/http/multipart.hpp"
#include "web/kit/form_page.hpp"
#include "web/kit/guard.hpp"
#include "web/kit/language.hpp"
#include "web/kit/page.hpp"
#include "web/reporting/attachment_form.hpp"
#include "web/reporting/category_names.hpp"
#include "web/reporting/reporting_access.hpp"
#include "web/reports/draft_submission.hpp"
#include "web/reports/report_paths.hpp"

namespace att::web {

namespace {

struct DraftToSubmit {
  const StateRecord* state = nullptr;
  int year = 0;
  reports::AnnualReport draft;
  const reports::ReportTemplate* report_template = nullptr;
};

std::string editor_path(const std::string& iso3, int year) { return "/reporting/" + iso3 + "/" + std::to_string(year); }

tl::expected<DraftToSubmit, HttpResponse> draft_to_submit(const AppContext& app, const HttpRequest& request) {
  const auto* state = app.states->find_by_code(request.path_param("state"));
  const auto code = state ? state->iso3 : request.path_param("state").substr(0, 3);
  if (auto refusal = refuse_reporting(app, request, code)) return tl::unexpected(std::move(*refusal));
  const auto language = language_of(request);
  const auto year = reporting_year(request.path_param("year"));
  auto db = app.pool->acquire();
  auto draft = state && year ? reporting::load_draft(*db, request.visit.viewer, state->iso3, *year) : std::nullopt;
  const auto* report_template = draft ? app.templates->by_id(draft->template_id) : nullptr;
  if (!draft || !report_template)
    return tl::unexpected(render_message(app, request, app.catalog.text(language, "reporting.not_found_title"),
                                         app.catalog.text(language, "reporting.no_draft"), 404));
  return DraftToSubmit{state, *year, std::move(*draft), report_template};
}

std::string state_name(const AppContext& app, Language language, const std::string& code) {
  const auto* state = code.empty() ? nullptr : app.states->find_by_code(code);
  return state ? state->name(language) : code;
}

// The tables as the public will read them: a table restricted to States Parties is not there.
nlohmann::json public_tables(const AppContext& app, Language language, const DraftToSubmit& submission) {
  const auto t = [&](const std::string& key) { return app.catalog.text(language, key); };
  const CategoryNames categories(app.catalog, *submission.report_template);
  const auto& report = submission.draft;
  nlohmann::json tables = nlohmann::json::array();
  for (const auto direction : {reports::Direction::exports, reports::Direction::imports}) {
    const bool exports = direction == reports::Direction::exports;
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& line : report.lines) {
      if (line.direction != direction) continue;
      rows.push_back({{"category", categories.shown(line.category, language)},
                      {"partner", state_name(app, language, line.partner_state)},
                      {"items", line.items ? text::format_number(app.catalog, language, std::to_string(*line.items)) : ""},
                      {"value", line.value.empty() ? "" : text::format_number(app.catalog, language, line.value) + " " + line.currency},
                      {"basis", line.basis ? t("reports.basis_" + std::string(to_string(*line.basis))) : ""},
                      {"description", line.description}});
    }
    tables.push_back({{"title", t(exports ? "reports.exports" : "reports.imports")},
                      {"partner_label", t(exports ? "reports.importer" : "reports.exporter")},
                      {"withheld", report.visibility_of(direction) == reports::Visibility::restricted},
                      {"nil", exports ? report.nil_exports : report.nil_imports},
                      {"rows", rows},
                      {"has_rows", !rows.empty()}});
  }
  return tables;
}

HttpResponse preview(const AppContext& app, const HttpRequest& request, const DraftToSubmit& submission,
                     const std::string& error, int status) {
  const auto choice = choose_language(request);
  const auto language = choice.language;
  const auto t = [&](const std::string& key) { return app.catalog.text(language, key); };
  const auto& report = submission.draft;
  const auto result = reports::validate(report, *submission.report_template, *app.states,
                                        {today_utc(), reports::Stage::submission});
  nlohmann::json problems = nlohmann::json::array();
  for (const auto& problem : result.findings)
    if (problem.severity == Severity::error) problems.push_back(text::problem_message(app.catalog, language, problem));
  const bool is_public = report.visibility == reports::Visibility::public_report;
  std::string withheld = t("reporting.withheld_none");
  if (report.withheld_all) withheld = t("reporting.withheld_whole");
  else if (!report.withheld_categories.empty()) {
    const CategoryNames categories(app.catalog, *submission.report_template);
    std::string list;
    for (const auto& code : report.withheld_categories) list += (list.empty() ? "" : "; ") + categories.shown(code, language);
    withheld = app.catalog.text(language, "reporting.withheld_in", {{"categories", list}});
  }
  const auto name = submission.state->name(language);
  const auto path = editor_path(submission.state->iso3, submission.year);
  auto response = render_page(
      app, request, choice, "reporting/preview",
      {{"title", app.catalog.text(language, "reporting.preview_title", {{"year", std::to_string(submission.year)}, {"state", name}})},
       {"editor_href", path},
       {"action", path + "/submit"},
       {"attachments_api", "/api/v1/reports/" + submission.state->iso3 + "/" + std::to_string(submission.year) + "/attachments"},
       {"problems", problems},
       {"has_problems", !problems.empty()},
       {"is_public", is_public},
       {"tables", is_public ? public_tables(app, language, submission) : nlohmann::json::array()},
       {"visibility_statement", t(is_public ? "reporting.will_be_public" : "reporting.will_be_restricted")},
       {"withheld_statement", withheld},
       {"comments", is_public ? report.comments : std::string()},
       {"on_behalf", submits_on_behalf(request.visit.viewer, submission.state->iso3)},
       {"error", error}},
      status);
  response.set_private_no_store();
  return response;
}

HttpResponse show_preview(const AppContext& app, HttpRequest& request) {
  const auto submission = draft_to_submit(app, request);
  if (!submission) return submission.error();
  return preview(app, request, *submission, "", 200);
}

HttpResponse submit(const AppContext& app, HttpRequest& request) {
  const auto submission = draft_to_submit(app, request);
  if (!submission) return submission.error();
  const auto language = language_of(request);
  if (request.form_or_empty("confirm") != "1")
    return preview(app, request, *submission, app.catalog.text(language, "reporting.confirm_required"), 400);
  std::optional<Date> received;
  if (submits_on_behalf(request.visit.viewer, submission->state->iso3)) {
    const auto date = Date::parse(request.form_or_empty("received"));
    if (!date || *date > today_utc())
      return preview(app, request, *submission, app.catalog.text(language, "errors.received_invalid"), 400);
    received = *date;
  }
  const auto submitted = submit_state_draft(app, request, submission->state->iso3, submission->year, received);
  if (!submitted)
    return preview(app, request, *submission, app.catalog.text(language, "errors.report_has_errors"), 422);
  // Posted without script, the form carries the original document: attached to the new version.
  if (const auto parts = parse_multipart(request.header("content-type").value_or(""), request.body)) {
    const bool has_file = std::any_of(parts->begin(), parts->end(), [](const FormPart& part) {
      return part.name == "original" && part.file_name && !part.file_name->empty();
    });
    if (has_file) {
      const auto back = attach_posted_file(app, request, submission->state->iso3, submission->year,
                                           submitted->receipt.version_no, "original");
      if (back.find("attachment_error=") != std::string::npos) return HttpResponse::redirect(back);
    }
  }
  return HttpResponse::redirect("/reports/" + submission->state->iso3 + "/" + std::to_string(submission->year) +
                                "/receipt?version=" + std::to_string(submitted->receipt.version_no));
}

}  // namespace

void add_submission_pages(Router& router, const AppContext& app) {
  router.add(HttpMethod::get, "/reporting/{state}/{year}/preview", [&app](HttpRequest& r) { return show_preview(app, r); });
  router.add(HttpMethod::post, "/reporting/{state}/{year}/submit", [&app](HttpRequest& r) { return submit(app, r); });
}

}  // namespace att::web
