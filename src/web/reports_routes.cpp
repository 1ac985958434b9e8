#include "web/reports_routes.hpp"

#include <charconv>

#include "auth/audit_log.hpp"
#include "core/date.hpp"
#include "io/report_json.hpp"
#include "reporting/reports_store.hpp"
#include "web/api_errors.hpp"
#include "web/guard.hpp"

namespace att::web {

namespace {

std::optional<int> year_of(const std::string& text) {
  int year = 0;
  if (text.size() != 4 || std::from_chars(text.data(), text.data() + 4, year).ec != std::errc{}) return std::nullopt;
  return year;
}

nlohmann::json summary_json(const reporting::VersionSummary& s) {
  return {{"reporting_state", s.reporting_state}, {"year", s.year},        {"type", s.type},
          {"version", s.version_no},              {"status", s.status},    {"visibility", std::string(to_string(s.visibility))},
          {"received", s.received},               {"channel", s.channel},  {"line_count", s.line_count},
          {"demo", s.demo},                       {"content_hash", s.content_hash}};
}

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
    filter.year = year_of(*year);
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

HttpResponse get_report(const AppContext& app, HttpRequest& request) {
  const auto language = language_of(request);
  const auto* state = app.states->find_by_code(request.path_param("state"));
  auto year_text = request.path_param("year");
  const bool csv = year_text.size() > 4 && year_text.substr(4) == ".csv";
  if (csv) year_text = year_text.substr(0, 4);
  const auto year = year_of(year_text);
  if (!year) return bad_year(app, request, year_text);
  auto db = app.pool->acquire();
  const auto found =
      state ? reporting::current_report(*db, request.visit.viewer, state->iso3, *year) : std::nullopt;
  // Not there and not allowed look the same: a restricted report's existence is not revealed.
  if (!found) return api_error(404, "report_not_found", app.catalog.text(language, "errors.report_not_found"));
  const auto& [summary, report] = *found;
  if (summary.visibility == reports::Visibility::restricted) {
    auth::record_audit(*db,
                       audit_entry(request, "restricted_report_read",
                                   "report:" + summary.reporting_state + "/" + std::to_string(summary.year),
                                   "version " + std::to_string(summary.version_no)),
                       utc_timestamp_now());
  }
  HttpResponse response;
  if (csv) {
    response = HttpResponse{200, {{"Content-Type", "text/csv; charset=utf-8"}}, io::report_csv(report)};
    response.set_header("Content-Disposition", "attachment; filename=\"att-report-" + summary.reporting_state + "-" +
                                                   std::to_string(summary.year) + ".csv\"");
  } else {
    auto body = io::report_json(report);
    body["version"] = summary_json(summary);
    response = HttpResponse::json(200, json_text(body));
  }
  response.set_header("Cache-Control", "private, no-cache");
  return response;
}

}  // namespace

void add_reports_routes(Router& router, const AppContext& app) {
  router.add("GET", "/api/v1/reports", [&app](HttpRequest& r) { return list_reports(app, r); });
  router.add("GET", "/api/v1/reports/{state}/{year}", [&app](HttpRequest& r) { return get_report(app, r); });
}

}  // namespace att::web
