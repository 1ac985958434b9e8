#include "web/compliance/status_page.hpp"

#include <algorithm>
#include <set>

#include "core/compliance/status_history.hpp"
#include "reporting/compliance_facts.hpp"
#include "text/collation.hpp"
#include "text/dates.hpp"
#include "web/compliance/compliance_params.hpp"
#include "web/compliance/status_view.hpp"
#include "web/kit/page.hpp"

namespace att::web {

namespace {

constexpr compliance::Timeliness all_timeliness[] = {
    compliance::Timeliness::on_time, compliance::Timeliness::within_grace, compliance::Timeliness::late,
    compliance::Timeliness::overdue, compliance::Timeliness::not_yet_due};

// ?status=on_time|within_grace|late|overdue|not_yet_due, none when absent or empty.
tl::expected<std::optional<compliance::Timeliness>, ParamError> timeliness_param(const HttpRequest& request,
                                                                                 const AppContext& app,
                                                                                 Language language) {
  const auto text = request.query("status").value_or("");
  if (text.empty()) return std::nullopt;
  for (const auto timeliness : all_timeliness)
    if (to_string(timeliness) == text) return timeliness;
  return tl::unexpected(
      ParamError{"status", "invalid_status",
                 app.catalog.text(language, "errors.compliance_status", {{"value", text.substr(0, 40)}})});
}

struct Filters {
  Date as_of = today_utc();
  ReportAsked report;
  std::optional<std::string> region;
  std::optional<compliance::Timeliness> status;
  std::vector<ParamError> errors;
};

// Each parameter on its own: one that cannot be used is reported and left at its default, so
// the page still shows a table.
Filters read_filters(const HttpRequest& request, const AppContext& app, Language language) {
  Filters filters;
  const auto t = [&](const std::string& key) { return app.catalog.text(language, key); };
  if (const auto as_of = as_of_param(request, app, language, t("compliance.as_of")))
    filters.as_of = *as_of;
  else
    filters.errors.push_back(as_of.error());
  const auto years = compliance::reporting_years(filters.as_of, app.obligation_rules);
  if (!years.empty()) filters.report.year = years.back();  // the latest year that has ended
  // The form's one choice of report: ?year=2022, or ?year=initial for the initial report.
  const auto year = request.query("year").value_or("");
  if (year == "initial") {
    filters.report = {};
  } else if (!year.empty()) {
    if (const auto parsed = year_param(request, app, language))
      filters.report.year = *parsed;
    else
      filters.errors.push_back(parsed.error());
  }
  if (const auto region = region_param(request, app, language))
    filters.region = *region;
  else
    filters.errors.push_back(region.error());
  if (const auto status = timeliness_param(request, app, language))
    filters.status = *status;
  else
    filters.errors.push_back(status.error());
  return filters;
}

bool has_error_for(const Filters& filters, std::string_view parameter) {
  return std::any_of(filters.errors.begin(), filters.errors.end(),
                     [&](const auto& error) { return error.parameter == parameter; });
}

// The report choices: each reporting year that has ended on the date, newest first, then the
// initial report.
nlohmann::json report_options(const AppContext& app, Language language, const Filters& filters) {
  nlohmann::json options = nlohmann::json::array();
  auto years = compliance::reporting_years(filters.as_of, app.obligation_rules);
  if (filters.report.year && std::find(years.begin(), years.end(), *filters.report.year) == years.end())
    years.push_back(*filters.report.year);  // a year still running, asked for by address
  std::sort(years.rbegin(), years.rend());
  for (const int year : years)
    options.push_back(
        {{"value", std::to_string(year)},
         {"label", app.catalog.text(language, "compliance.annual_report", {{"year", std::to_string(year)}})},
         {"selected", filters.report.year == year}});
  options.push_back({{"value", "initial"},
                     {"label", app.catalog.text(language, "compliance.initial_report")},
                     {"selected", !filters.report.year}});
  return options;
}

nlohmann::json totals_view(const AppContext& app, Language language, const compliance::StatusTotals& totals) {
  return {{"expected", totals.expected},
          {"submitted", totals.submitted},
          {"on_time", totals.on_time},
          {"within_grace", totals.within_grace},
          {"late", totals.late},
          {"overdue", totals.overdue},
          {"not_yet_due", totals.not_yet_due},
          {"public", totals.public_reports},
          {"restricted", totals.restricted},
          {"reporting_rate", percent_text(app, language, totals.submitted, totals.expected)},
          {"on_time_rate", percent_text(app, language, totals.on_time, totals.expected)},
          {"restricted_share", percent_text(app, language, totals.restricted, totals.submitted)}};
}

nlohmann::json history_view(const AppContext& app, Language language,
                            const std::vector<compliance::YearTotals>& history) {
  nlohmann::json years = nlohmann::json::array();
  for (const auto& year : history) {
    const auto& t = year.totals;
    years.push_back({{"year", year.year},
                     {"reporting_rate", percent_text(app, language, t.submitted, t.expected)},
                     {"on_time_rate", percent_text(app, language, t.on_time, t.expected)},
                     {"restricted_share", percent_text(app, language, t.restricted, t.submitted)},
                     {"reporting_value", percent_decimal(t.submitted, t.expected)},
                     {"on_time_value", percent_decimal(t.on_time, t.expected)},
                     {"restricted_value", percent_decimal(t.restricted, t.submitted)},
                     {"expected", t.expected}});
  }
  return years;
}

// The address of the same table as a download, in `format`.
std::string download_href(const Filters& filters, const char* format) {
  std::string href =
      "/api/v1/compliance?" +
      (filters.report.year ? "year=" + std::to_string(*filters.report.year) : std::string("report=initial")) +
      "&as_of=" + filters.as_of.iso();
  if (std::string_view(format) != "json") href += std::string("&format=") + format;
  return href;
}

HttpResponse status_page(const AppContext& app, const HttpRequest& request) {
  const auto choice = choose_language(request);
  const auto language = choice.language;
  const auto t = [&](const std::string& key) { return app.catalog.text(language, key); };
  const auto filters = read_filters(request, app, language);

  auto db = app.pool->acquire();
  const auto facts = reporting::report_facts(*db, request.visit.viewer);
  const auto table = compliance::status_table(*app.states, filters.report.year, filters.as_of, app.obligation_rules,
                                              facts.of(filters.report.year));

  std::vector<const compliance::StatusRow*> shown;
  compliance::StatusTotals totals;
  for (const auto& row : table.rows) {
    if (filters.region && row.state->region != *filters.region) continue;
    if (filters.status && row.status.timeliness != *filters.status) continue;
    shown.push_back(&row);
    compliance::add_to_totals(row, totals);
  }
  std::vector<std::string> names;
  for (const auto* row : shown) names.push_back(row->state->name(language));
  nlohmann::json rows = nlohmann::json::array();
  for (const auto position : text::collated_order(names, language)) {
    const auto& row = *shown[position];
    auto view = obligation_view(app, language, row);
    view["name"] = row.state->name(language);
    view["iso3"] = row.state->iso3;
    view["region"] = t("regions." + row.state->region);
    rows.push_back(std::move(view));
  }

  nlohmann::json region_options = nlohmann::json::array();
  std::set<std::string> regions;
  for (const auto& state : app.states->states()) regions.insert(state.region);
  for (const auto& name : regions)
    region_options.push_back({{"value", name}, {"label", t("regions." + name)}, {"selected", filters.region == name}});
  nlohmann::json status_options = nlohmann::json::array();
  nlohmann::json legend = nlohmann::json::array();
  for (const auto timeliness : all_timeliness) {
    auto view = timeliness_view(app, language, timeliness);
    view["selected"] = filters.status == timeliness;
    view["explanation"] = t("compliance.explain." + std::string(to_string(timeliness)));
    status_options.push_back(view);
    legend.push_back(std::move(view));
  }
  nlohmann::json error_list = nlohmann::json::array();
  for (const auto& error : filters.errors)
    error_list.push_back({{"parameter", error.parameter}, {"message", error.message}});

  const auto history = compliance::status_history(*app.states, filters.as_of, app.obligation_rules, facts);
  const auto report_name = filters.report.year ? app.catalog.text(language, "compliance.annual_report",
                                                                  {{"year", std::to_string(*filters.report.year)}})
                                               : t("compliance.initial_report");
  nlohmann::json context = {
      {"title", t("compliance.title")},
      {"as_of", filters.as_of.iso()},
      {"report_options", report_options(app, language, filters)},
      {"region_options", std::move(region_options)},
      {"status_options", std::move(status_options)},
      {"legend", std::move(legend)},
      {"rows", std::move(rows)},
      {"has_rows", !shown.empty()},
      {"totals", totals_view(app, language, totals)},
      {"summary_text", app.catalog.text(language, "compliance.summary",
                                        {{"report", report_name},
                                         {"date", text::format_date(app.catalog, language, filters.as_of.iso())},
                                         {"submitted", std::to_string(totals.submitted)},
                                         {"expected", std::to_string(totals.expected)},
                                         {"rate", percent_text(app, language, totals.submitted, totals.expected)}})},
      {"history", history_view(app, language, history)},
      {"has_history", !history.empty()},
      {"csv_href", download_href(filters, "csv")},
      {"xlsx_href", download_href(filters, "xlsx")},
      {"json_href", download_href(filters, "json")},
      {"errors", std::move(error_list)},
      {"has_errors", !filters.errors.empty()},
      {"as_of_invalid", has_error_for(filters, "as_of")},
      {"year_invalid", has_error_for(filters, "year")},
      {"region_invalid", has_error_for(filters, "region")},
      {"status_invalid", has_error_for(filters, "status")},
  };
  return render_page(app, request, choice, "compliance/status", std::move(context), filters.errors.empty() ? 200 : 400);
}

}  // namespace

void add_status_page(Router& router, const AppContext& app) {
  router.add(HttpMethod::get, "/status", [&app](HttpRequest& request) { return status_page(app, request); });
}

}  // namespace att::web
