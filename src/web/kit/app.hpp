// The whole web application as a function from request to response: routing, error pages,
// size limits and security headers. The HTTP server only moves bytes to and from it.
#pragma once

#include <filesystem>
#include <memory>

#include "web/kit/app_context.hpp"
#include "web/http/router.hpp"
#include "web/http/static_files.hpp"

namespace att::web {

struct AppLimits {
  std::size_t max_body_bytes = 8 * 1024 * 1024;  // larger bodies get 413 (an uploaded workbook fits)
  // The address (path and query, as read) and the header fields: above these, 414 and 431. The
  // server's own hard limits are higher (server.cpp), so that these requests reach the App and
  // get an answer; see docs/decisions.md for what happens above those.
  std::size_t max_target_bytes = 8 * 1024;
  std::size_t max_header_name_bytes = 1024;
  std::size_t max_header_value_bytes = 16 * 1024;
  std::size_t max_header_fields = 100;
};

class App {
 public:
  // Loads templates, strings and static files from `web_dir`; throws if one is missing.
  App(const std::filesystem::path& web_dir, std::shared_ptr<const StatesRegister> states,
      std::shared_ptr<store::ConnectionPool> pool, AuthSettings auth_settings = {}, AppLimits limits = {},
      std::shared_ptr<const reports::TemplateLibrary> templates = nullptr, std::string data_dir = {},
      io::PdfSettings pdf = {}, compliance::ObligationRules obligation_rules = {},
      transfers::QueryBudget transfer_budget = {});
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  // Never throws: an unexpected failure becomes a 500 without details.
  HttpResponse handle(HttpRequest request) const;

 private:
  HttpResponse route(HttpRequest& request) const;
  HttpResponse error_response(const HttpRequest& request, int status, const std::string& code,
                              const std::string& message_key) const;

  AppContext context_;
  StaticFiles static_files_;
  Router router_;
  AppLimits limits_;
};

void add_security_headers(const HttpRequest& request, HttpResponse& response);

}  // namespace att::web
