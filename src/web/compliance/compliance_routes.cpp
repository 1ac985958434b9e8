#include "web/compliance/compliance_routes.hpp"

#include <charconv>

#include "core/compliance/status_table.hpp"
#include "io/compliance_json.hpp"
#include "reporting/compliance_facts.hpp"
#include "web/http/api_errors.hpp"
#include "web/kit/language.hpp"
#include "web/kit/request_params.hpp"

namespace att::web {

namespace {

// The first calendar year any State can owe an annual report for: the treaty bound its first
// parties from 24 December 2014.
constexpr int first_treaty_year = 2015;

// ?year=YYYY for the annual report of that year, from the treaty's first year on.
tl::expected<int, HttpResponse> year_param(const HttpRequest& request, const AppContext& app, Language language) {
  const auto text = request.query("year").value_or("");
  int year = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (text.size() != 4 || error != std::errc{} || end != text.data() + text.size() || year < first_treaty_year)
    return tl::unexpected(bad_parameter(
        {"year", "invalid_year",
         app.catalog.text(language, "errors.compliance_year",
                          {{"value", text.substr(0, 40)}, {"first", std::to_string(first_treaty_year)}})}));
  return year;
}

HttpResponse compliance_status(const AppContext& app, HttpRequest& request) {
  const auto language = choose_language(request).language;
  const auto as_of = as_of_param(request, app, language);
  if (!as_of) return bad_parameter(as_of.error());
  const auto report = request.query("report").value_or("annual");
  if (report != "annual" && report != "initial")
    return bad_parameter({"report", "invalid_report",
                          app.catalog.text(language, "errors.compliance_report", {{"value", report.substr(0, 40)}})});
  std::optional<int> year;
  if (report == "annual") {
    const auto parsed = year_param(request, app, language);
    if (!parsed) return parsed.error();
    year = *parsed;
  }
  const auto facts = reporting::version_facts(*app.pool->acquire(), request.visit.viewer, year);
  const auto table = compliance::status_table(*app.states, year, *as_of, {}, facts);
  nlohmann::json states = nlohmann::json::array();
  for (const auto& row : table.rows) states.push_back(io::status_row_json(row));
  nlohmann::json body = {{"report", report}, {"as_of", as_of->iso()}, {"totals", io::status_totals_json(table.totals)},
                         {"states", std::move(states)}};
  if (year) body["year"] = *year;
  return HttpResponse::json(200, json_text(body));
}

}  // namespace

void add_compliance_routes(Router& router, const AppContext& app) {
  router.add(HttpMethod::get, "/api/v1/compliance", [&app](HttpRequest& r) { return compliance_status(app, r); });
}

}  // namespace att::web
