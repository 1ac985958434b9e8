#include "web/app.hpp"

#include <cstdio>

#include "web/api_errors.hpp"
#include "web/health_routes.hpp"
#include "web/language.hpp"
#include "web/page.hpp"
#include "web/pages_routes.hpp"
#include "web/states_routes.hpp"

namespace att::web {

namespace {

bool is_api(const HttpRequest& request) { return request.path.rfind("/api/", 0) == 0; }

}  // namespace

App::App(const std::filesystem::path& web_dir, std::shared_ptr<const StatesRegister> states, AppLimits limits)
    : context_{Catalog::load(web_dir / "i18n"), Views::load(web_dir / "templates"), std::move(states)},
      static_files_(StaticFiles::load(web_dir)),
      limits_(limits) {
  add_health_routes(router_, context_);
  add_states_routes(router_, context_);
  add_pages_routes(router_, context_);
}

void add_security_headers(const HttpRequest& request, HttpResponse& response) {
  response.set_header("Content-Security-Policy",
                      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                      "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_header("X-Frame-Options", "DENY");
  response.set_header("Referrer-Policy", "same-origin");
  response.set_header("Cross-Origin-Opener-Policy", "same-origin");
  response.set_header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  // The public read API may be used from any web page (researchers' notebooks, dashboards).
  if (is_api(request) && request.method == "GET") response.set_header("Access-Control-Allow-Origin", "*");
}

HttpResponse App::not_found(const HttpRequest& request, int status) const {
  const auto choice = choose_language(request);
  const auto key = status == 405 ? "errors.method_not_allowed" : "errors.page_not_found";
  const auto message = context_.catalog.text(choice.language, key);
  if (is_api(request)) return api_error(status, status == 405 ? "method_not_allowed" : "not_found", message);
  return render_page(context_, request, choice, "error",
                     {{"title", message}, {"message", message}, {"status", std::to_string(status)}}, status);
}

HttpResponse App::route(HttpRequest& request) const {
  if (request.body.size() > limits_.max_body_bytes) {
    const auto language = choose_language(request).language;
    return api_error(413, "body_too_large",
                     context_.catalog.text(language, "errors.body_too_large",
                                           {{"limit", std::to_string(limits_.max_body_bytes / 1024) + " KiB"}}));
  }
  if (request.method == "GET" || request.method == "HEAD") {
    if (auto file = static_files_.serve(request)) return std::move(*file);
  }
  const auto match = router_.match(request);
  switch (match.outcome) {
    case Router::Outcome::matched: return (*match.handler)(request);
    case Router::Outcome::wrong_method: return not_found(request, 405);
    case Router::Outcome::no_such_path: break;
  }
  return not_found(request, 404);
}

HttpResponse App::handle(HttpRequest request) const {
  HttpResponse response;
  try {
    response = route(request);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "att: error handling %s %s: %s\n", request.method.c_str(), request.path.c_str(), error.what());
    response = api_error(500, "internal_error", "internal error");
  } catch (...) {
    response = api_error(500, "internal_error", "internal error");
  }
  add_security_headers(request, response);
  return response;
}

}  // namespace att::web
