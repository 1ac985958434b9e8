#include "web/kit/guard.hpp"

#include "web/http/api_errors.hpp"
#include "web/kit/form_page.hpp"
#include "web/kit/language.hpp"

namespace att::web {

namespace {

auth::AuditEntry entry(const HttpRequest& request, std::optional<std::int64_t> user_id, std::string actor,
                       std::string action, std::string target, std::string detail) {
  return {user_id, actor.substr(0, 254), std::move(action), std::move(target), detail.substr(0, 2000),
          request.remote_address};
}

}  // namespace

auth::AuditEntry audit_entry(const HttpRequest& request, std::optional<std::int64_t> user_id, std::string actor,
                             std::string action, std::string target, std::string detail) {
  return entry(request, user_id, auth::email_for_audit(actor), std::move(action), std::move(target),
               std::move(detail));
}

auth::AuditEntry audit_entry(const HttpRequest& request, std::string action, std::string target, std::string detail) {
  const auto& viewer = request.visit.viewer;
  return entry(request, viewer.user_id, viewer.is_anonymous() ? "anonymous" : viewer.email, std::move(action),
               std::move(target), std::move(detail));
}

Language language_of(const HttpRequest& request) { return choose_language(request).language; }

std::optional<HttpResponse> refuse_unless(const AppContext& app, const HttpRequest& request,
                                          auth::Permission permission, std::optional<std::string_view> state_iso3) {
  const auto& viewer = request.visit.viewer;
  if (auth::may(viewer, permission, state_iso3)) return std::nullopt;
  const auto language = language_of(request);
  const bool api = request.path.rfind("/api/", 0) == 0;
  if (viewer.is_anonymous()) {
    if (api) return api_error(401, "sign_in_required", app.catalog.text(language, "auth.sign_in_required"));
    auto target = request.path;
    if (!request.query_string.empty()) target += "?" + request.query_string;
    return HttpResponse::redirect("/sign-in?next=" + percent_encode(target));
  }
  if (viewer.must_set_up_second_factor && !api) return HttpResponse::redirect("/account/two-factor");
  if (api) return api_error(403, "forbidden", app.catalog.text(language, "auth.forbidden"));
  return render_message(app, request, app.catalog.text(language, "auth.forbidden_title"),
                        app.catalog.text(language, "auth.forbidden"), 403);
}

}  // namespace att::web
