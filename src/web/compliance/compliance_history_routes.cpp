#include "web/compliance/compliance_history_routes.hpp"

#include "core/compliance/status_changes.hpp"
#include "core/compliance/status_history.hpp"
#include "io/compliance_json.hpp"
#include "reporting/compliance_facts.hpp"
#include "web/compliance/compliance_params.hpp"
#include "web/http/api_errors.hpp"
#include "web/kit/language.hpp"

namespace att::web {

namespace {

HttpResponse history(const AppContext& app, HttpRequest& request) {
  const auto language = choose_language(request).language;
  const auto as_of = as_of_param(request, app, language);
  if (!as_of) return bad_parameter(as_of.error());
  const auto facts = reporting::report_facts(*app.pool->acquire(), request.visit.viewer);
  nlohmann::json years = nlohmann::json::array();
  for (const auto& year : compliance::status_history(*app.states, *as_of, app.obligation_rules, facts))
    years.push_back(io::year_totals_json(year));
  const auto initial = compliance::status_table(*app.states, std::nullopt, *as_of, app.obligation_rules, facts.initial);
  const nlohmann::json body = {{"as_of", as_of->iso()},
                               {"initial",
                                {{"totals", io::status_totals_json(initial.totals)},
                                 {"regions", io::status_regions_json(compliance::totals_by_region(initial))}}},
                               {"years", std::move(years)}};
  return HttpResponse::json(200, json_text(body));
}

// ?from= (required) and ?to= (today when absent), from not after to.
HttpResponse diff(const AppContext& app, HttpRequest& request) {
  const auto language = choose_language(request).language;
  const auto from = date_param(request, app, language, "from", "from");
  if (!from) return bad_parameter(from.error());
  if (!*from)
    return bad_parameter({"from", "missing_date", app.catalog.text(language, "errors.compliance_from_missing")});
  const auto to = date_param(request, app, language, "to", "to");
  if (!to) return bad_parameter(to.error());
  const auto until = to->value_or(today_utc());
  if (until < **from)
    return bad_parameter({"to", "dates_reversed",
                          app.catalog.text(language, "errors.compliance_dates_reversed",
                                           {{"from", (*from)->iso()}, {"to", until.iso()}})});
  const auto facts = reporting::report_facts(*app.pool->acquire(), request.visit.viewer);
  const auto comparison = compliance::compare_status(*app.states, **from, until, app.obligation_rules, facts);
  nlohmann::json reports = nlohmann::json::array();
  for (const auto& report : comparison.reports) reports.push_back(io::report_comparison_json(report));
  nlohmann::json changes = nlohmann::json::array();
  for (const auto& change : comparison.changes) changes.push_back(io::status_change_json(change));
  const nlohmann::json body = {
      {"from", (*from)->iso()}, {"to", until.iso()}, {"reports", std::move(reports)}, {"changes", std::move(changes)}};
  return HttpResponse::json(200, json_text(body));
}

HttpResponse state_obligations(const AppContext& app, HttpRequest& request) {
  const auto language = choose_language(request).language;
  const auto as_of = as_of_param(request, app, language);
  if (!as_of) return bad_parameter(as_of.error());
  const auto state = state_code(request.path_param("iso3"), app, language, "iso3");
  if (!state) return bad_parameter(state.error());
  const auto& iso3 = (*state)->iso3;
  const auto facts = reporting::report_facts(*app.pool->acquire(), request.visit.viewer, iso3);
  const auto owed = compliance::obligations_on(**state, *as_of, app.obligation_rules);
  nlohmann::json obligations = nlohmann::json::array();
  for (const auto& row : compliance::state_history(**state, *as_of, app.obligation_rules, facts))
    obligations.push_back(io::state_obligation_json(row));
  const nlohmann::json body = {
      {"iso3", iso3},        {"region", (*state)->region},           {"as_of", as_of->iso()},
      {"party", owed.party}, {"dates_known", !owed.dates_unknown()}, {"obligations", std::move(obligations)}};
  return HttpResponse::json(200, json_text(body));
}

}  // namespace

void add_compliance_history_routes(Router& router, const AppContext& app) {
  router.add(HttpMethod::get, "/api/v1/compliance/history", [&app](HttpRequest& r) { return history(app, r); });
  router.add(HttpMethod::get, "/api/v1/compliance/diff", [&app](HttpRequest& r) { return diff(app, r); });
  router.add(HttpMethod::get, "/api/v1/compliance/states/{iso3}",
             [&app](HttpRequest& r) { return state_obligations(app, r); });
}

}  // namespace att::web
