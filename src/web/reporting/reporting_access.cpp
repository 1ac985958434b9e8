#include "web/reporting/reporting_access.hpp"

#include "auth/policy.hpp"
#include "web/kit/form_page.hpp"
#include "web/kit/guard.hpp"

namespace att::web {

bool may_report(const auth::Viewer& viewer) {
  return viewer.has(auth::Role::secretariat) ||
         (viewer.has(auth::Role::reporting_officer) && viewer.state_iso3.has_value());
}

std::optional<HttpResponse> refuse_reporting(const AppContext& app, const HttpRequest& request,
                                             std::string_view state_iso3) {
  const auto& viewer = request.visit.viewer;
  // The guard sends the anonymous to sign in and the half-set-up to their second factor.
  if (viewer.is_anonymous() || viewer.must_set_up_second_factor)
    return refuse_unless(app, request, auth::Permission::submit_reports, state_iso3);
  if (auth::may(viewer, auth::Permission::submit_reports, state_iso3)) return std::nullopt;
  const auto language = language_of(request);
  return render_message(app, request, app.catalog.text(language, "reporting.not_found_title"),
                        app.catalog.text(language, "reporting.not_found"), 404);
}

}  // namespace att::web
