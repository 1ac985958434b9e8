#include "web/reports/reports_routes.hpp"

#include "auth/audit_log.hpp"
#include "core/reports/validation.hpp"
#include "core/date.hpp"
#include "io/report_json.hpp"
#include "reporting/report_workbook.hpp"
#include "reporting/reports_store.hpp"
#include "text/problem_text.hpp"
#include "web/http/api_errors.hpp"
#include "web/kit/guard.hpp"
#include "web/kit/request_params.hpp"
#include "web/reports/draft_submission.hpp"
#include "web/reports/report_address.hpp"
#include "web/reports/report_api_views.hpp"
#include "web/reports/report_paths.hpp"
#include "web/reports/version_recall.hpp"

namespace att::web {

namespace {


HttpResponse bad_year(const AppContext& app, const HttpRequest& request, const std::string& value) {
  return api_error(400, "invalid_year",
                   app.catalog.text(language_of(request), "errors.year_invalid", {{"value", value.substr(0, 20)}}));
}

HttpResponse list_reports(const AppContext& app, HttpRequest& request) {
  reporting::ReportFilter filter;
  if (const auto state = request.query("state"); state && !state->empty()) {
    const auto* found = app.states->find_by_code(*state);
    if (!found)
      return api_error(400, "unknown_state",
                       app.catalog.text(language_of(request), "errors.state_unknown", {{"code", state->substr(0, 40)}}));
    filter.state = found->iso3;
  }
  if (const auto year = request.query("year"); year && !year->empty()) {
    filter.year = reporting_year(*year);
    if (!filter.year) return bad_year(app, request, *year);
  }
  auto db = app.pool->acquire();
  nlohmann::json list = nlohmann::json::array();
  for (const auto& summary : reporting::current_reports(*db, request.visit.viewer, filter))
    list.push_back(summary_json(summary));
  auto response = HttpResponse::json(200, json_text(list));
  response.set_header("Cache-Control", "private, no-cache");
  return response;
}

HttpResponse bad_version(const AppContext& app, const HttpRequest& request, const std::string& value) {
  return api_error(400, "invalid_version",
                   app.catalog.text(language_of(request), "errors.version_invalid", {{"value", value}}));
}

constexpr const char* xlsx_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// The report as an XLSX workbook in the caller's language, offered as a download.
HttpResponse workbook_response(const AppContext& app, const HttpRequest& request, const reports::AnnualReport& report,
                               const reports::ReportTemplate& report_template, const std::string& file_name) {
  const auto labels = reporting::load_workbook_labels(app.data_dir, report_template.id);
  const auto bytes = reporting::write_report_workbook(report, report_template, *app.states, language_of(request),
                                                      labels ? *labels : reporting::builtin_workbook_labels());
  HttpResponse response{200, {{"Content-Type", xlsx_type}}, bytes};
  response.set_header("Content-Disposition", "attachment; filename=\"" + file_name + "\"");
  response.set_private_no_store();
  return response;
}

HttpResponse get_report(const AppContext& app, HttpRequest& request) {
  const auto language = language_of(request);
  const auto* state = app.states->find_by_code(request.path_param("state"));
  const auto segment = year_segment(request.path_param("year"));
  if (!segment || (segment->format != "" && segment->format != "csv" && segment->format != "xlsx"))
    return bad_year(app, request, request.path_param("year"));
  const bool csv = segment->format == "csv";
  const auto version = version_param(request);
  if (version.invalid) return bad_version(app, request, *version.invalid);
  auto db = app.pool->acquire();
  const auto found = state ? reporting::report_version(*db, request.visit.viewer, state->iso3, segment->year,
                                                       version.number)
                           : std::nullopt;
  // Not there and not allowed look the same: a restricted report's existence is not revealed.
  if (!found) return api_error(404, "report_not_found", app.catalog.text(language, "errors.report_not_found"));
  const auto& [summary, report] = *found;
  audit_restricted_read(*db, request, summary);
  const auto file_name = "att-report-" + summary.reporting_state + "-" + std::to_string(summary.year) + "-v" +
                         std::to_string(summary.version_no);
  if (segment->format == "xlsx") {
    const auto* report_template = app.templates->by_id(report.template_id);
    if (!report_template) return api_error(409, "template_gone", report.template_id);
    return workbook_response(app, request, report, *report_template, file_name + ".xlsx");
  }
  HttpResponse response;
  if (csv) {
    response = HttpResponse{200, {{"Content-Type", "text/csv; charset=utf-8"}}, io::report_csv(report, csv_reader_param(request))};
    response.set_header("Content-Disposition", "attachment; filename=\"" + file_name + ".csv\"");
  } else {
    auto body = io::report_json(report);
    body["version"] = summary_json(summary);
    response = HttpResponse::json(200, json_text(body));
  }
  response.set_header("Cache-Control", "private, no-cache");
  return response;
}

// Every version the caller may see, oldest first, with its status (submitted = current,
// superseded, recalled); 404 when none is visible.
HttpResponse list_versions(const AppContext& app, HttpRequest& request) {
  const auto* state = app.states->find_by_code(request.path_param("state"));
  const auto year = reporting_year(request.path_param("year"));
  if (!year) return bad_year(app, request, request.path_param("year"));
  auto db = app.pool->acquire();
  const auto versions = state ? reporting::report_versions(*db, request.visit.viewer, state->iso3, *year)
                              : std::vector<reporting::VersionSummary>{};
  if (versions.empty())
    return api_error(404, "report_not_found", app.catalog.text(language_of(request), "errors.report_not_found"));
  nlohmann::json list = nlohmann::json::array();
  for (const auto& summary : versions) list.push_back(summary_json(summary));
  auto response = HttpResponse::json(200, json_text(list));
  response.set_header("Cache-Control", "private, no-cache");
  return response;
}



HttpResponse get_draft(const AppContext& app, HttpRequest& request) {
  const auto address = report_address(app, request);
  if (!address) return address.error();
  if (auto refusal = refuse_unless(app, request, auth::Permission::read_drafts, address->state))
    return std::move(*refusal);
  auto db = app.pool->acquire();
  const auto draft = reporting::load_draft(*db, request.visit.viewer, address->state, address->year);
  if (!draft) return api_error(404, "draft_not_found", app.catalog.text(language_of(request), "errors.draft_not_found"));
  auto response = HttpResponse::json(200, json_text(io::report_json(*draft)));
  response.set_private_no_store();
  return response;
}

// The body read as the report of the URL's State and year and checked against that year's
// template, or the answer to give instead.
struct CheckedReport {
  reports::AnnualReport report;
  reports::ValidationResult result;
};

// A year before the first template takes the earliest one: only a library with no annual
// template at all has none to give.
HttpResponse no_template(const AppContext& app, const HttpRequest& request, int year) {
  return api_error(409, "no_template",
                   app.catalog.text(language_of(request), problem_text_key(problem_codes::no_template),
                                    {{"year", std::to_string(year)}}));
}

tl::expected<CheckedReport, HttpResponse> checked_body(const AppContext& app, HttpRequest& request,
                                                       reports::Stage stage) {
  const auto address = report_address(app, request);
  if (!address) return tl::unexpected(address.error());
  if (auto refusal = refuse_unless(app, request, auth::Permission::submit_reports, address->state))
    return tl::unexpected(std::move(*refusal));
  const auto document = json_body(app, request);
  if (!document) return tl::unexpected(document.error());
  auto report = io::report_from_json(*document);
  if (!report) return tl::unexpected(api_error(400, "invalid_report", report.error()));
  report->reporting_state = address->state;
  report->year = address->year;
  const auto* report_template = app.templates->for_year("annual", address->year);
  if (!report_template) return tl::unexpected(no_template(app, request, address->year));
  report->template_id = report_template->id;
  auto result = reports::validate(*report, *report_template, *app.states, {today_utc(), stage});
  return CheckedReport{std::move(*report), std::move(result)};
}

nlohmann::json findings_answer(const AppContext& app, const HttpRequest& request, const CheckedReport& checked) {
  return {{"template", checked.report.template_id},
          {"errors", checked.result.error_count()},
          {"findings", findings_json(app, language_of(request), checked.result)}};
}

HttpResponse save_draft(const AppContext& app, HttpRequest& request) {
  const auto checked = checked_body(app, request, reports::Stage::draft);
  if (!checked) return checked.error();
  // A draft is saved with its errors, to be finished later, but not with a control character (a
  // NUL above all): that would be stored as it is, and PostgreSQL cannot store a NUL.
  if (checked->result.has_code(problem_codes::control_character)) {
    const auto language = language_of(request);
    return api_error(422, "report_has_errors", app.catalog.text(language, "errors.report_has_errors"),
                     {{"findings", findings_json(app, language, checked->result)}});
  }
  auto db = app.pool->acquire();
  store::Transaction transaction(*db);
  reporting::save_draft(*db, checked->report, request.visit.viewer.user_id, Timestamp::now());
  transaction.commit();
  auto answer = findings_answer(app, request, *checked);
  answer["saved"] = true;
  return HttpResponse::json(200, json_text(answer));
}

// Checks a document without saving anything, as it would be checked when submitted.
HttpResponse validate_only(const AppContext& app, HttpRequest& request) {
  const auto checked = checked_body(app, request, reports::Stage::submission);
  if (!checked) return checked.error();
  return HttpResponse::json(200, json_text(findings_answer(app, request, *checked)));
}

HttpResponse submit_draft(const AppContext& app, HttpRequest& request) {
  const auto language = language_of(request);
  const auto address = report_address(app, request);
  if (!address) return address.error();
  if (auto refusal = refuse_unless(app, request, auth::Permission::submit_reports, address->state))
    return std::move(*refusal);
  std::optional<Date> received;
  if (const auto text = request.query("received")) {
    const auto parsed = Date::parse(*text);
    if (!parsed || !submits_on_behalf(request.visit.viewer, address->state))
      return api_error(400, "invalid_date", app.catalog.text(language, "errors.received_invalid"));
    received = *parsed;
  }
  const auto submitted = submit_state_draft(app, request, address->state, address->year, received);
  if (!submitted) {
    switch (submitted.error().kind) {
      case SubmissionFailure::Kind::no_draft:
        return api_error(404, "draft_not_found", app.catalog.text(language, "errors.draft_not_found"));
      case SubmissionFailure::Kind::template_gone:
        return api_error(409, "template_gone", submitted.error().template_id);
      case SubmissionFailure::Kind::has_errors:
        return api_error(422, "report_has_errors", app.catalog.text(language, "errors.report_has_errors"),
                         {{"findings", problems_json(app.catalog, language, submitted.error().problems)}});
    }
  }
  const auto& receipt = submitted->receipt;
  return HttpResponse::json(201, json_text({{"receipt",
                                             {{"reporting_state", address->state},
                                              {"year", address->year},
                                              {"version", receipt.version_no},
                                              {"amends_earlier_version", receipt.amended},
                                              {"channel", std::string(to_string(submitted->channel))},
                                              {"received", submitted->received},
                                              {"submitted_at", submitted->submitted_at.iso()},
                                              {"content_hash", receipt.content_hash}}}}));
}

HttpResponse recall(const AppContext& app, HttpRequest& request) {
  const auto language = language_of(request);
  const auto address = report_address(app, request);
  if (!address) return address.error();
  if (auto refusal = refuse_unless(app, request, auth::Permission::enter_report_on_behalf)) return std::move(*refusal);
  const auto document = json_body(app, request);
  if (!document) return document.error();
  const auto reason = document->is_object() && document->contains("reason") && (*document)["reason"].is_string()
                          ? (*document)["reason"].get<std::string>()
                          : std::string();
  if (!acceptable_recall_reason(reason))
    return api_error(400, "reason_required", app.catalog.text(language, "admin.reason_required"));
  const auto version = recall_version(app, request, address->state, address->year, reason);
  if (!version) return api_error(404, "report_not_found", app.catalog.text(language, "errors.report_not_found"));
  return HttpResponse::json(200, json_text({{"recalled_version", *version}}));
}


// The report to start a workbook from: the draft, else this year's current version, else last
// year's report carried forward to this year.
reports::AnnualReport starting_point(store::Database& db, const auth::Viewer& viewer, const ReportAddress& address) {
  if (auto draft = reporting::load_draft(db, viewer, address.state, address.year)) return *draft;
  if (auto current = reporting::current_report(db, viewer, address.state, address.year)) return current->second;
  reports::AnnualReport report;
  if (auto previous = reporting::current_report(db, viewer, address.state, address.year - 1)) report = previous->second;
  report.reporting_state = address.state;
  report.year = address.year;
  return report;
}


HttpResponse download_workbook(const AppContext& app, HttpRequest& request) {
  const auto address = report_address(app, request);
  if (!address) return address.error();
  if (auto refusal = refuse_unless(app, request, auth::Permission::submit_reports, address->state))
    return std::move(*refusal);
  const auto* report_template = app.templates->for_year("annual", address->year);
  if (!report_template) return bad_year(app, request, std::to_string(address->year));
  auto db = app.pool->acquire();
  auto report = starting_point(*db, request.visit.viewer, *address);
  report.template_id = report_template->id;
  return workbook_response(app, request, report, *report_template,
                           "att-report-" + address->state + "-" + std::to_string(address->year) + ".xlsx");
}

HttpResponse upload_workbook(const AppContext& app, HttpRequest& request) {
  const auto language = language_of(request);
  const auto address = report_address(app, request);
  if (!address) return address.error();
  if (auto refusal = refuse_unless(app, request, auth::Permission::submit_reports, address->state))
    return std::move(*refusal);
  const auto batch = reporting::read_report_workbook(request.body, *app.states, *app.templates,
                                                     {reports::Visibility::restricted, today_utc(), 500});
  // Each problem also names its sheet row and cell as "row" and "cell".
  auto problems = problems_json(app.catalog, language, batch.problems);
  for (auto& p : problems) {
    p["row"] = p["line"];
    p["cell"] = p["column"];
  }
  if (batch.has_errors())
    return api_error(422, "workbook_has_errors", app.catalog.text(language, "errors.report_has_errors"),
                     {{"problems", problems}});
  if (batch.reports.size() != 1 || batch.reports.front().reporting_state != address->state ||
      batch.reports.front().year != address->year)
    return api_error(422, "workbook_for_another_report", app.catalog.text(language, "errors.workbook_mismatch"));
  auto db = app.pool->acquire();
  store::Transaction transaction(*db);
  reporting::save_draft(*db, batch.reports.front(), request.visit.viewer.user_id, Timestamp::now());
  auth::append_audit(*db, audit_entry(request, "workbook_uploaded",
                                      "report:" + address->state + "/" + std::to_string(address->year)),
                     Timestamp::now());
  transaction.commit();
  return HttpResponse::json(200, json_text({{"saved", true}, {"lines", batch.reports.front().lines.size()},
                                            {"problems", problems}}));
}




}  // namespace

void add_reports_routes(Router& router, const AppContext& app) {
  router.add(HttpMethod::get, "/api/v1/reports/{state}/{year}/workbook", [&app](HttpRequest& r) { return download_workbook(app, r); });
  router.add(HttpMethod::post, "/api/v1/reports/{state}/{year}/workbook", [&app](HttpRequest& r) { return upload_workbook(app, r); });
  router.add(HttpMethod::get, "/api/v1/reports", [&app](HttpRequest& r) { return list_reports(app, r); });
  router.add(HttpMethod::get, "/api/v1/reports/{state}/{year}", [&app](HttpRequest& r) { return get_report(app, r); });
  router.add(HttpMethod::get, "/api/v1/reports/{state}/{year}/versions", [&app](HttpRequest& r) { return list_versions(app, r); });
  router.add(HttpMethod::get, "/api/v1/reports/{state}/{year}/draft", [&app](HttpRequest& r) { return get_draft(app, r); });
  router.add(HttpMethod::put, "/api/v1/reports/{state}/{year}/draft", [&app](HttpRequest& r) { return save_draft(app, r); });
  router.add(HttpMethod::post, "/api/v1/reports/{state}/{year}/validate", [&app](HttpRequest& r) { return validate_only(app, r); });
  router.add(HttpMethod::post, "/api/v1/reports/{state}/{year}/submit", [&app](HttpRequest& r) { return submit_draft(app, r); });
  router.add(HttpMethod::post, "/api/v1/reports/{state}/{year}/recall", [&app](HttpRequest& r) { return recall(app, r); });
}

}  // namespace att::web
