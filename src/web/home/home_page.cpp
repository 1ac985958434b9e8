#include "web/home/home_page.hpp"

#include "core/participation.hpp"
#include "reporting/report_listings.hpp"
#include "text/dates.hpp"
#include "text/numbers.hpp"
#include "web/kit/language.hpp"
#include "web/kit/page.hpp"
#include "web/states/states_page.hpp"

namespace att::web {

namespace {

constexpr std::size_t latest_shown = 5;

// The reports figures, counted and listed inside the queries over what the visitor may see.
nlohmann::json report_figures(const AppContext& app, Language language, const auth::Viewer& viewer, Date today) {
  auto db = app.pool->acquire();
  const int year = today.year();
  const auto received =
      reporting::reports_received(*db, viewer, Date::from_ymd(year, 1, 1), Date::from_ymd(year, 12, 31));
  nlohmann::json latest = nlohmann::json::array();
  for (const auto& report : reporting::latest_reports(*db, viewer, latest_shown)) {
    const auto* state = app.states->find_by_code(report.reporting_state);
    const auto report_year = std::to_string(report.year);
    latest.push_back(
        {{"state", state ? state->name(language) : report.reporting_state},
         {"iso3", report.reporting_state},
         {"year", report_year},
         {"href", "/reports/" + report.reporting_state + "/" + report_year},
         {"text", app.catalog.text(language, "home.latest_item",
                                   {{"year", report_year},
                                    {"date", text::format_date(app.catalog, language, report.received_iso())}})}});
  }
  return {{"received", received},
          {"received_count", text::format_number(app.catalog, language, std::to_string(received))},
          {"received_label", app.catalog.text(language, "home.received_in", {{"year", std::to_string(year)}})},
          {"latest", latest},
          {"has_latest", !latest.empty()}};
}

HttpResponse home_page(const AppContext& app, const HttpRequest& request) {
  const auto choice = choose_language(request);
  const auto today = today_utc();
  const auto summary = summarise(states_on(*app.states, today));
  nlohmann::json context = {{"title", app.catalog.text(choice.language, "home.title")},
                            {"today", today.iso()},
                            {"counts", counts_json(summary.all)},
                            {"figures", report_figures(app, choice.language, request.visit.viewer, today)}};
  auto response = render_page(app, request, choice, "home/home", std::move(context));
  // The figures depend on who asks (restricted reports count only for those who may see them).
  response.set_private_no_store();
  return response;
}

}  // namespace

void add_home_page(Router& router, const AppContext& app) {
  router.add(HttpMethod::get, "/", [&app](HttpRequest& request) { return home_page(app, request); });
}

}  // namespace att::web
