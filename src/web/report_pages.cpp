#include "web/report_pages.hpp"

#include <algorithm>
#include <charconv>

#include "auth/audit_log.hpp"
#include "core/date.hpp"
#include "reporting/reports_store.hpp"
#include "web/collation.hpp"
#include "web/form_page.hpp"
#include "web/guard.hpp"
#include "web/language.hpp"
#include "web/page.hpp"

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
  const auto label = app.catalog.text(language, key);
  return label == key ? code : label;
}

HttpResponse list_page(const AppContext& app, HttpRequest& request) {
  const auto choice = choose_language(request);
  const auto language = choice.language;
  reporting::ReportFilter filter;
  if (const auto state = request.query("state"); state && !state->empty()) {
    if (const auto* found = app.states->find_by_code(*state)) filter.state = found->iso3;
  }
  if (const auto year = request.query("year"); year && year->size() == 4) {
    int value = 0;
    if (std::from_chars(year->data(), year->data() + 4, value).ec == std::errc{}) filter.year = value;
  }
  auto db = app.pool->acquire();
  const auto reports_list = reporting::current_reports(*db, request.visit.viewer, filter);
  std::vector<std::string> names;
  for (const auto& r : reports_list) names.push_back(state_name(app, r.reporting_state, language));
  nlohmann::json rows = nlohmann::json::array();
  for (const auto position : collated_order(names, language)) {
    const auto& r = reports_list[position];
    rows.push_back({{"state", names[position]},
                    {"iso3", r.reporting_state},
                    {"year", std::to_string(r.year)},
                    {"version", std::to_string(r.version_no)},
                    {"received", r.received},
                    {"lines", std::to_string(r.line_count)},
                    {"restricted", r.visibility == reports::Visibility::restricted},
                    {"demo", r.demo}});
  }
  return render_page(app, request, choice, "reports",
                     {{"title", app.catalog.text(language, "reports.title")},
                      {"rows", rows},
                      {"has_rows", !rows.empty()},
                      {"count", std::to_string(rows.size())},
                      {"state", filter.state.value_or("")},
                      {"year", filter.year ? std::to_string(*filter.year) : ""}});
}

HttpResponse report_page(const AppContext& app, HttpRequest& request) {
  const auto choice = choose_language(request);
  const auto language = choice.language;
  const auto t = [&](const std::string& key) { return app.catalog.text(language, key); };
  const auto* state = app.states->find_by_code(request.path_param("state"));
  int year = 0;
  const auto& year_text = request.path_param("year");
  const bool year_ok =
      year_text.size() == 4 && std::from_chars(year_text.data(), year_text.data() + 4, year).ec == std::errc{};
  auto db = app.pool->acquire();
  const auto found =
      state && year_ok ? reporting::current_report(*db, request.visit.viewer, state->iso3, year) : std::nullopt;
  if (!found) return render_message(app, request, t("errors.report_not_found"), t("errors.report_not_found"), 404);
  const auto& [summary, report] = *found;
  if (summary.visibility == reports::Visibility::restricted)
    auth::record_audit(*db,
                       audit_entry(request, "restricted_report_read",
                                   "report:" + summary.reporting_state + "/" + std::to_string(summary.year), "html"),
                       utc_timestamp_now());
  nlohmann::json exports = nlohmann::json::array();
  nlohmann::json imports = nlohmann::json::array();
  for (const auto& line : report.lines) {
    nlohmann::json row = {{"category", line.category},
                          {"category_label", category_label(app, language, line.category)},
                          {"partner", state_name(app, line.partner_state, language)},
                          {"items", line.items ? std::to_string(*line.items) : ""},
                          {"value", line.value.empty() ? "" : line.value + " " + line.currency},
                          {"basis", line.basis ? t("reports.basis_" + std::string(to_string(*line.basis))) : ""},
                          {"description", line.description},
                          {"comments", line.comments}};
    (line.direction == reports::Direction::exports ? exports : imports).push_back(std::move(row));
  }
  const auto state_label = state_name(app, summary.reporting_state, language);
  return render_page(
      app, request, choice, "report",
      {{"title", state_label + " · " + std::to_string(summary.year)},
       {"heading", app.catalog.text(language, "reports.heading",
                                    {{"year", std::to_string(summary.year)}, {"state", state_label}})},
       {"state", state_label},
       {"iso3", summary.reporting_state},
       {"year", std::to_string(summary.year)},
       {"version", std::to_string(summary.version_no)},
       {"received", summary.received},
       {"channel", t("reports.channel_" + summary.channel)},
       {"hash", summary.content_hash},
       {"template", report.template_id},
       {"restricted", summary.visibility == reports::Visibility::restricted},
       {"restriction_reason", report.restriction_reason},
       {"demo", summary.demo},
       {"nil_exports", report.nil_exports},
       {"nil_imports", report.nil_imports},
       {"exports", exports},
       {"imports", imports},
       {"has_exports", !exports.empty()},
       {"has_imports", !imports.empty()},
       {"comments", report.comments},
       {"json_href", "/api/v1/reports/" + summary.reporting_state + "/" + std::to_string(summary.year)},
       {"csv_href", "/api/v1/reports/" + summary.reporting_state + "/" + std::to_string(summary.year) + ".csv"}});
}

}  // namespace

void add_report_pages(Router& router, const AppContext& app) {
  router.add("GET", "/reports", [&app](HttpRequest& r) { return list_page(app, r); });
  router.add("GET", "/reports/{state}/{year}", [&app](HttpRequest& r) { return report_page(app, r); });
}

}  // namespace att::web
