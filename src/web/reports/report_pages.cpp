#include "web/reports/report_pages.hpp"

#include <algorithm>

#include "core/date.hpp"
#include "auth/policy.hpp"
#include "reporting/reports_store.hpp"
#include "web/reports/attachment_routes.hpp"
#include "text/collation.hpp"
#include "text/dates.hpp"
#include "web/kit/form_page.hpp"
#include "web/kit/guard.hpp"
#include "web/kit/language.hpp"
#include "text/numbers.hpp"
#include "web/kit/page.hpp"
#include "web/kit/printable.hpp"
#include "web/reports/report_api_views.hpp"
#include "web/reports/report_paths.hpp"
#include "core/timestamp.hpp"

namespace att::web {

namespace {

std::string state_name(const AppContext& app, const std::string& iso3, Language language) {
  const auto* state = app.states->find_by_code(iso3);
  return state ? state->name(language) : iso3;
}

std::string category_label(const AppContext& app, Language language, const std::string& code) {
  // National categories carry their own name; canonical ones have a label in the catalogue.
  if (code.rfind("NAT:", 0) == 0) return code.substr(4);
  // Catalogue keys cannot hold dots (they separate levels): IV.a is stored as IV_a.
  auto flat = code;
  std::replace(flat.begin(), flat.end(), '.', '_');
  const auto key = "categories." + flat;
  return app.catalog.has(Language::en, key) ? app.catalog.text(language, key) : code;
}

constexpr std::size_t reports_per_page = 50;

// The address of one page of the list, keeping its filters: each page has its own stable URL.
std::string list_href(const std::string& state, const std::string& year, std::size_t page) {
  std::string query;
  const auto add = [&](const char* name, const std::string& value) {
    if (!value.empty()) query += (query.empty() ? "?" : "&") + std::string(name) + "=" + percent_encode(value);
  };
  add("state", state);
  add("year", year);
  if (page > 1) add("page", std::to_string(page));
  return "/reports" + query;
}

HttpResponse list_page(const AppContext& app, HttpRequest& request) {
  const auto choice = choose_language(request);
  const auto language = choice.language;
  const auto t = [&](const std::string& key) { return app.catalog.text(language, key); };
  const auto state_text = request.query("state").value_or("");
  const auto year_text = request.query("year").value_or("");
  const auto page_text = request.query("page").value_or("");
  // A filter that names nothing is said, never dropped: dropping it would show every report.
  std::vector<std::string> problems;
  reporting::ReportFilter filter;
  nlohmann::json matched = nlohmann::json::array();
  if (!state_text.empty()) {
    const auto states = app.states->matching(state_text);
    if (states.empty())
      problems.push_back(app.catalog.text(language, "reports.no_state_match", {{"query", state_text.substr(0, 80)}}));
    std::vector<std::string> names;
    for (const auto* state : states) {
      filter.states.push_back(state->iso3);
      names.push_back(state->name(language));
    }
    for (const auto position : text::collated_order(names, language)) matched.push_back(names[position]);
  }
  if (!year_text.empty()) {
    filter.year = reporting_year(year_text);
    if (!filter.year) problems.push_back(app.catalog.text(language, "reports.bad_year", {{"value", year_text.substr(0, 20)}}));
  }
  std::size_t page = 1;
  if (!page_text.empty()) {
    const auto number = page_text.size() <= 6 && page_text.find_first_not_of("0123456789") == std::string::npos
                            ? std::stoul(page_text)
                            : 0ul;
    if (number == 0) problems.push_back(app.catalog.text(language, "reports.bad_page", {{"value", page_text.substr(0, 20)}}));
    page = std::max<std::size_t>(number, 1);
  }
  std::vector<reporting::VersionSummary> reports_list;
  if (problems.empty()) reports_list = reporting::current_reports(*app.pool->acquire(), request.visit.viewer, filter);
  std::vector<std::string> names;
  for (const auto& r : reports_list) names.push_back(state_name(app, r.reporting_state, language));
  // Ordered by the State's name in the reader's language, then paged: every page is a slice of
  // the same order, so its address always shows the same rows.
  const auto order = text::collated_order(names, language);
  const auto pages = std::max<std::size_t>(1, (order.size() + reports_per_page - 1) / reports_per_page);
  nlohmann::json rows = nlohmann::json::array();
  for (auto i = (page - 1) * reports_per_page; i < std::min(order.size(), page * reports_per_page); ++i) {
    const auto position = order[i];
    const auto& r = reports_list[position];
    rows.push_back({{"state", names[position]},
                    {"iso3", r.reporting_state},
                    {"year", std::to_string(r.year)},
                    {"version", std::to_string(r.version_no)},
                    {"received", text::format_date(app.catalog, language, r.received_iso())},
                    {"lines", std::to_string(r.line_count)},
                    {"restricted", r.visibility == reports::Visibility::restricted},
                    {"demo", r.demo}});
  }
  nlohmann::json problem_list = nlohmann::json::array();
  for (const auto& problem : problems) problem_list.push_back(problem);
  return render_page(app, request, choice, "reports/reports",
                     {{"title", t("reports.title")},
                      {"rows", rows},
                      {"has_rows", !rows.empty()},
                      {"count", std::to_string(order.size())},
                      {"problems", problem_list},
                      {"has_problems", !problems.empty()},
                      {"has_matched", matched.size() > 1},
                      {"matched", matched},
                      {"state", state_text},
                      {"year", year_text},
                      {"paged", pages > 1},
                      {"page_text", app.catalog.text(language, "reports.page",
                                                     {{"page", std::to_string(page)}, {"pages", std::to_string(pages)}})},
                      {"previous_href", page > 1 ? list_href(state_text, year_text, std::min(page - 1, pages)) : ""},
                      {"next_href", page < pages ? list_href(state_text, year_text, page + 1) : ""}},
                     problems.empty() ? 200 : 400);
}

// The report a page shows: the version asked for (?version=N) or the current one, with the
// versions the visitor may see.
struct ShownReport {
  reporting::VersionSummary summary;
  reports::AnnualReport report;
  std::vector<reporting::VersionSummary> versions;
};

tl::expected<ShownReport, HttpResponse> find_report(const AppContext& app, HttpRequest& request,
                                                    const LanguageChoice& choice, int year, const std::string& use) {
  const auto t = [&](const std::string& key) { return app.catalog.text(choice.language, key); };
  const auto version = version_param(request);
  if (version.invalid)
    return tl::unexpected(render_message(app, request, t("errors.report_not_found"),
                                         app.catalog.text(choice.language, "errors.version_invalid",
                                                          {{"value", *version.invalid}}),
                                         400));
  const auto* state = app.states->find_by_code(request.path_param("state"));
  auto db = app.pool->acquire();
  auto found = state ? reporting::report_version(*db, request.visit.viewer, state->iso3, year, version.number)
                     : std::nullopt;
  // Not there and not allowed look the same: a restricted report's existence is not revealed.
  if (!found) return tl::unexpected(render_message(app, request, t("errors.report_not_found"), t("errors.report_not_found"), 404));
  auto& [summary, report] = *found;
  audit_restricted_read(*db, request, summary, use);
  auto versions = reporting::report_versions(*db, request.visit.viewer, summary.reporting_state, year);
  return ShownReport{std::move(summary), std::move(report), std::move(versions)};
}

std::string report_path(const reporting::VersionSummary& summary) {
  return "/reports/" + summary.reporting_state + "/" + std::to_string(summary.year);
}

// "?version=N" for a version that is not the current one (its links must keep showing it).
std::string version_query(const ShownReport& shown) {
  return shown.summary.status == reports::VersionStatus::submitted ? "" : "?version=" + std::to_string(shown.summary.version_no);
}

std::string status_label(const AppContext& app, Language language, const reporting::VersionSummary& summary) {
  return app.catalog.text(language, "reports.status_" + std::string(to_string(summary.status)));
}

// What the report page, its PDF and the receipt have in common.
nlohmann::json common_context(const AppContext& app, Language language, const ShownReport& shown) {
  const auto& summary = shown.summary;
  const auto query = version_query(shown);
  const auto path = report_path(summary);
  const auto state_label = state_name(app, summary.reporting_state, language);
  return {{"state", state_label},
          {"iso3", summary.reporting_state},
          {"year", std::to_string(summary.year)},
          {"version", std::to_string(summary.version_no)},
          {"status", status_label(app, language, summary)},
          {"received", text::format_date(app.catalog, language, summary.received_iso())},
          {"submitted_at", text::format_timestamp(app.catalog, language, summary.submitted_at ? summary.submitted_at->iso() : "")},
          {"channel", app.catalog.text(language, "reports.channel_" + std::string(to_string(summary.channel)))},
          {"hash", summary.content_hash},
          {"template", shown.report.template_id},
          {"restricted", summary.visibility == reports::Visibility::restricted},
          {"restriction_reason", shown.report.restriction_reason},
          {"demo", summary.demo},
          {"report_href", path + query},
          {"receipt_href", path + "/receipt" + query},
          {"current_href", path}};
}

// A table the State made available to States Parties only, on a report the viewer may otherwise
// read: the page says so instead of "no lines" (and shows no nil flag, which would tell).
bool table_withheld(const auth::Viewer& viewer, const ShownReport& shown, reports::Direction table) {
  return !auth::read_report_condition(viewer).holds(
      {shown.summary.reporting_state, false, shown.summary.status == reports::VersionStatus::recalled,
       shown.report.visibility_of(table) == reports::Visibility::restricted});
}

nlohmann::json report_context(const AppContext& app, Language language, const auth::Viewer& viewer,
                              const ShownReport& shown) {
  const auto t = [&](const std::string& key) { return app.catalog.text(language, key); };
  const auto& [summary, report, versions] = shown;
  nlohmann::json exports = nlohmann::json::array();
  nlohmann::json imports = nlohmann::json::array();
  for (const auto& line : report.lines) {
    nlohmann::json row = {{"category", line.category},
                          {"category_label", category_label(app, language, line.category)},
                          {"partner", state_name(app, line.partner_state, language)},
                          {"items", line.items ? text::format_number(app.catalog, language, std::to_string(*line.items)) : ""},
                          {"value", line.value.empty() ? ""
                                                       : text::format_number(app.catalog, language, line.value) + " " +
                                                             line.currency},
                          {"basis", line.basis ? t("reports.basis_" + std::string(to_string(*line.basis))) : ""},
                          {"description", line.description},
                          {"comments", line.comments}};
    (line.direction == reports::Direction::exports ? exports : imports).push_back(std::move(row));
  }
  nlohmann::json history = nlohmann::json::array();
  for (const auto& version : versions) {
    history.push_back({{"number", std::to_string(version.version_no)},
                       {"shown", version.version_no == summary.version_no},
                       {"href", report_path(version) + "?version=" + std::to_string(version.version_no)},
                       {"status", status_label(app, language, version)},
                       {"reason", version.recall_reason},
                       {"received", text::format_date(app.catalog, language, version.received_iso())},
                       {"channel", t("reports.channel_" + std::string(to_string(version.channel)))},
                       {"hash_start", version.content_hash.substr(0, 12)}});
  }
  std::string older_notice;
  if (summary.status == reports::VersionStatus::recalled)
    older_notice = app.catalog.text(language, "reports.recalled_version",
                                    {{"version", std::to_string(summary.version_no)},
                                     {"date", text::format_date(app.catalog, language, summary.recalled_at ? summary.recalled_at->date().iso() : "")},
                                     {"reason", summary.recall_reason}});
  else if (summary.status == reports::VersionStatus::superseded)
    older_notice = app.catalog.text(language, "reports.older_version", {{"version", std::to_string(summary.version_no)}});
  const auto state_label = state_name(app, summary.reporting_state, language);
  const auto api = "/api/v1/reports/" + summary.reporting_state + "/" + std::to_string(summary.year);
  const auto query = version_query(shown);
  auto context = common_context(app, language, shown);
  context.update({{"title", state_label + " · " + std::to_string(summary.year)},
                  {"heading", app.catalog.text(language, "reports.heading",
                                               {{"year", std::to_string(summary.year)}, {"state", state_label}})},
                  {"older_notice", older_notice},
                  {"nil_exports", report.nil_exports},
                  {"nil_imports", report.nil_imports},
                  {"exports_withheld", table_withheld(viewer, shown, reports::Direction::exports)},
                  {"imports_withheld", table_withheld(viewer, shown, reports::Direction::imports)},
                  {"exports", exports},
                  {"imports", imports},
                  {"has_exports", !exports.empty()},
                  {"has_imports", !imports.empty()},
                  {"comments", report.comments},
                  {"national_definitions", report.national_definitions},
                  {"versions", history},
                  {"has_history", history.size() > 1},
                  {"pdf_href", report_path(summary) + ".pdf" + query},
                  {"json_href", api + query},
                  {"csv_href", api + ".csv" + query},
                  {"xlsx_href", api + ".xlsx" + query + (query.empty() ? "?" : "&") + "lang=" +
                                    std::string(code_of(language))}});
  return context;
}

nlohmann::json receipt_context(const AppContext& app, Language language, const ShownReport& shown) {
  const auto& summary = shown.summary;
  std::size_t export_lines = 0;
  for (const auto& line : shown.report.lines) export_lines += line.direction == reports::Direction::exports ? 1 : 0;
  auto context = common_context(app, language, shown);
  context.update(
      {{"title", app.catalog.text(language, "receipt.title") + " · " + context["state"].get<std::string>() + " · " +
                     std::to_string(summary.year)},
       {"statement", app.catalog.text(language, "receipt.statement",
                                      {{"year", std::to_string(summary.year)},
                                       {"state", context["state"].get<std::string>()},
                                       {"received", context["received"].get<std::string>()},
                                       {"version", std::to_string(summary.version_no)}})},
       {"line_counts", app.catalog.text(language, "receipt.line_counts",
                                        {{"exports", std::to_string(export_lines)},
                                         {"imports", std::to_string(shown.report.lines.size() - export_lines)}})},
       {"issued", app.catalog.text(language, "receipt.issued",
                                   {{"date", text::format_timestamp(app.catalog, language, Timestamp::now())}})},
       {"pdf_href", report_path(summary) + "/receipt.pdf" + version_query(shown)}});
  return context;
}

std::string file_name(const ShownReport& shown, const std::string& kind, Language language) {
  return "att-" + kind + "-" + shown.summary.reporting_state + "-" + std::to_string(shown.summary.year) + "-v" +
         std::to_string(shown.summary.version_no) + "-" + std::string(code_of(language)) + ".pdf";
}

HttpResponse report_page(const AppContext& app, HttpRequest& request) {
  const auto choice = choose_language(request);
  const auto segment = year_segment(request.path_param("year"));
  if (!segment || (segment->format != "" && segment->format != "pdf"))
    return render_message(app, request, app.catalog.text(choice.language, "errors.report_not_found"),
                          app.catalog.text(choice.language, "errors.report_not_found"), 404);
  const bool pdf = segment->format == "pdf";
  const auto shown = find_report(app, request, choice, segment->year, pdf ? "pdf" : "html");
  if (!shown) return shown.error();
  auto context = report_context(app, choice.language, request.visit.viewer, *shown);
  context.update(attachment_links(app, choice.language, *app.pool->acquire(), request.visit.viewer, shown->summary));
  if (pdf) return pdf_document(app, request, choice, "reports/report", std::move(context), file_name(*shown, "report", choice.language));
  return render_page(app, request, choice, "reports/report", std::move(context));
}

HttpResponse receipt_page(const AppContext& app, HttpRequest& request, bool pdf) {
  const auto choice = choose_language(request);
  const auto year = reporting_year(request.path_param("year"));
  if (!year)
    return render_message(app, request, app.catalog.text(choice.language, "errors.report_not_found"),
                          app.catalog.text(choice.language, "errors.report_not_found"), 404);
  const auto shown = find_report(app, request, choice, *year, pdf ? "receipt pdf" : "receipt");
  if (!shown) return shown.error();
  auto context = receipt_context(app, choice.language, *shown);
  if (pdf) return pdf_document(app, request, choice, "reports/receipt", std::move(context), file_name(*shown, "receipt", choice.language));
  return render_page(app, request, choice, "reports/receipt", std::move(context));
}

}  // namespace

void add_report_pages(Router& router, const AppContext& app) {
  router.add(HttpMethod::get, "/reports", [&app](HttpRequest& r) { return list_page(app, r); });
  router.add(HttpMethod::get, "/reports/{state}/{year}", [&app](HttpRequest& r) { return report_page(app, r); });
  router.add(HttpMethod::get, "/reports/{state}/{year}/receipt", [&app](HttpRequest& r) { return receipt_page(app, r, false); });
  router.add(HttpMethod::get, "/reports/{state}/{year}/receipt.pdf", [&app](HttpRequest& r) { return receipt_page(app, r, true); });
}

}  // namespace att::web
