#include "web/reporting/recall_page.hpp"

#include "auth/policy.hpp"
#include "web/kit/form_page.hpp"
#include "web/kit/guard.hpp"
#include "web/reporting/reporting_access.hpp"
#include "web/reports/report_paths.hpp"
#include "web/reports/version_recall.hpp"

namespace att::web {

namespace {

HttpResponse recall(const AppContext& app, HttpRequest& request) {
  const auto language = language_of(request);
  const auto* state = app.states->find_by_code(request.path_param("state"));
  const auto code = state ? state->iso3 : request.path_param("state").substr(0, 3);
  // A State's officers may not recall: to them, as to anyone else, the address does not exist.
  if (auto refusal = refuse_reporting(app, request, code)) return std::move(*refusal);
  const auto year = reporting_year(request.path_param("year"));
  const auto not_found = [&] {
    return render_message(app, request, app.catalog.text(language, "reporting.not_found_title"),
                          app.catalog.text(language, "reporting.not_found"), 404);
  };
  if (!auth::may(request.visit.viewer, auth::Permission::enter_report_on_behalf) || !state || !year) return not_found();
  const auto home = "/reporting?state=" + state->iso3;
  const auto reason = request.form_or_empty("reason");
  if (!acceptable_recall_reason(reason))
    return render_message(app, request, app.catalog.text(language, "reporting.recall"),
                          app.catalog.text(language, "admin.reason_required"), 400,
                          {{home, app.catalog.text(language, "reporting.title")}});
  if (!recall_version(app, request, state->iso3, *year, reason)) return not_found();
  return HttpResponse::redirect(home + "#annual-reports");
}

}  // namespace

void add_recall_page(Router& router, const AppContext& app) {
  router.add(HttpMethod::post, "/reporting/{state}/{year}/recall", [&app](HttpRequest& r) { return recall(app, r); });
}

}  // namespace att::web
