#include "web/kit/app.hpp"

#include <algorithm>
#include <cstdio>

#include "auth/policy.hpp"
#include "web/features.hpp"
#include "web/http/api_errors.hpp"
#include "web/kit/language.hpp"
#include "web/kit/navigation.hpp"
#include "web/kit/page.hpp"
#include "web/kit/visit.hpp"

namespace att::web {

namespace {

bool is_api(const HttpRequest& request) { return request.path.rfind("/api/", 0) == 0; }

}  // namespace

App::App(const std::filesystem::path& web_dir, std::shared_ptr<const StatesRegister> states,
         std::shared_ptr<store::ConnectionPool> pool, AuthSettings auth_settings, AppLimits limits,
         std::shared_ptr<const reports::TemplateLibrary> templates, std::string data_dir, io::PdfSettings pdf,
         compliance::ObligationRules obligation_rules, transfers::QueryBudget transfer_budget)
    : context_{Catalog::load(web_dir / "i18n"),
               Views::load(web_dir / "templates"),
               std::move(states),
               std::move(pool),
               std::move(auth_settings),
               templates ? std::move(templates) : std::make_shared<const reports::TemplateLibrary>(),
               std::move(data_dir),
               std::make_shared<io::PdfPrinter>(std::move(pdf))},
      static_files_(StaticFiles::load(web_dir)),
      limits_(limits) {
  context_.obligation_rules = obligation_rules;
  context_.transfer_budget = transfer_budget;
  for (const auto& feature : features()) feature.add_routes(router_, context_);
  context_.navigation = navigation_of(features());
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
  if (is_api(request) && request.method == HttpMethod::get) response.set_header("Access-Control-Allow-Origin", "*");
}

HttpResponse App::error_response(const HttpRequest& request, int status, const std::string& code,
                                  const std::string& message_key) const {
  const auto choice = choose_language(request);
  const auto message = context_.catalog.text(choice.language, message_key);
  if (is_api(request)) return api_error(status, code, message);
  return render_page(context_, request, choice, "error",
                     {{"title", message}, {"message", message}, {"status", std::to_string(status)}}, status);
}

namespace {

bool header_fields_too_large(const HttpRequest& request, const AppLimits& limits) {
  return request.headers.size() > limits.max_header_fields ||
         std::any_of(request.headers.begin(), request.headers.end(), [&limits](const auto& field) {
           return field.first.size() > limits.max_header_name_bytes || field.second.size() > limits.max_header_value_bytes;
         });
}

}  // namespace

HttpResponse App::route(HttpRequest& request) const {
  if (request.path.size() + request.query_string.size() > limits_.max_target_bytes) {
    return api_error(414, "uri_too_long",
                     context_.catalog.text(choose_language(request).language, "errors.uri_too_long",
                                           {{"limit", std::to_string(limits_.max_target_bytes / 1024) + " KiB"}}));
  }
  if (header_fields_too_large(request, limits_)) {
    return api_error(431, "header_fields_too_large",
                     context_.catalog.text(choose_language(request).language, "errors.header_fields_too_large"));
  }
  if (request.body.size() > limits_.max_body_bytes) {
    const auto language = choose_language(request).language;
    return api_error(413, "body_too_large",
                     context_.catalog.text(language, "errors.body_too_large",
                                           {{"limit", std::to_string(limits_.max_body_bytes / 1024) + " KiB"}}));
  }
  if (request.method == HttpMethod::get || request.method == HttpMethod::head) {
    if (auto file = static_files_.serve(request)) return std::move(*file);
  }
  const auto match = router_.match(request);
  switch (match.outcome) {
    case Router::Outcome::matched: break;
    case Router::Outcome::wrong_method: return error_response(request, 405, "method_not_allowed", "errors.method_not_allowed");
    case Router::Outcome::no_such_path: return error_response(request, 404, "not_found", "errors.page_not_found");
  }
  establish_visit(context_, request);
  if (is_forged(request)) return error_response(request, 403, "csrf_token_invalid", "errors.csrf");
  // The token's scope is decided here, for every route at once (auth::within_token_scope).
  if (!auth::within_token_scope(request.visit.viewer, is_state_changing(request), request.path))
    return error_response(request, 403, "outside_token_scope", "errors.outside_token_scope");
  return (*match.handler)(request);
}

HttpResponse App::handle(HttpRequest request) const {
  HttpResponse response;
  try {
    response = route(request);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "att: error handling %s %s: %s\n", std::string(to_string(request.method)).c_str(), request.path.c_str(), error.what());
    response = api_error(500, "internal_error", "internal error");
  } catch (...) {
    response = api_error(500, "internal_error", "internal error");
  }
  for (const auto& cookie : request.visit.cookies_to_set) response.headers.emplace_back("Set-Cookie", cookie);
  add_security_headers(request, response);
  return response;
}

}  // namespace att::web
