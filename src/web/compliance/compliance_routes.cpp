#include "web/compliance/compliance_routes.hpp"

#include "core/compliance/status_table.hpp"
#include "io/compliance_json.hpp"
#include "io/compliance_table.hpp"
#include "reporting/compliance_facts.hpp"
#include "reporting/table_workbook.hpp"
#include "web/compliance/compliance_history_routes.hpp"
#include "web/compliance/compliance_params.hpp"
#include "web/http/api_errors.hpp"
#include "web/kit/language.hpp"

namespace att::web {

namespace {

constexpr const char* xlsx_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// att-status-2022-2023-07-01.csv, att-status-initial-2016-01-01.xlsx
std::string file_name(const ReportAsked& report, Date as_of, const char* extension) {
  return "att-status-" + (report.year ? std::to_string(*report.year) : report.kind()) + "-" + as_of.iso() + "." +
         extension;
}

HttpResponse download(std::string content_type, std::string body, const std::string& name) {
  HttpResponse response{200, {{"Content-Type", std::move(content_type)}}, std::move(body)};
  response.set_header("Content-Disposition", "attachment; filename=\"" + name + "\"");
  response.set_header("Cache-Control", "private, no-cache");
  return response;
}

HttpResponse compliance_status(const AppContext& app, HttpRequest& request) {
  const auto language = choose_language(request).language;
  const auto as_of = as_of_param(request, app, language);
  if (!as_of) return bad_parameter(as_of.error());
  const auto report = report_param(request, app, language);
  if (!report) return bad_parameter(report.error());
  const auto format = table_format_param(request, app, language);
  if (!format) return bad_parameter(format.error());
  const auto facts = reporting::version_facts(*app.pool->acquire(), request.visit.viewer, report->year);
  const auto table = compliance::status_table(*app.states, report->year, *as_of, app.obligation_rules, facts);
  if (*format == TableFormat::csv)
    return download("text/csv; charset=utf-8", io::status_csv(table, csv_reader_param(request)),
                    file_name(*report, *as_of, "csv"));
  if (*format == TableFormat::xlsx)
    return download(xlsx_type, reporting::write_table_workbook("Status", io::status_headings(), io::status_cells(table)),
                    file_name(*report, *as_of, "xlsx"));
  return HttpResponse::json(200, json_text(io::status_table_json(table, report->year, *as_of)));
}

}  // namespace

void add_compliance_routes(Router& router, const AppContext& app) {
  router.add(HttpMethod::get, "/api/v1/compliance", [&app](HttpRequest& r) { return compliance_status(app, r); });
  add_compliance_history_routes(router, app);
}

}  // namespace att::web
