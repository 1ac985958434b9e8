#include "web/report_api_views.hpp"

#include "web/api_errors.hpp"
#include "web/guard.hpp"

namespace att::web {

nlohmann::json summary_json(const reporting::VersionSummary& s) {
  return {{"reporting_state", s.reporting_state},
          {"year", s.year},
          {"type", s.type},
          {"version", s.version_no},
          {"status", s.status},
          {"visibility", std::string(to_string(s.visibility))},
          {"received", s.received},
          {"channel", s.channel},
          {"line_count", s.line_count},
          {"demo", s.demo},
          {"content_hash", s.content_hash},
          {"submitted_at", s.submitted_at},
          {"recalled_at", s.recalled_at.empty() ? nlohmann::json() : nlohmann::json(s.recalled_at)},
          {"recall_reason", s.recall_reason}};
}

nlohmann::json findings_json(const AppContext& app, Language language, const reports::ValidationResult& result) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& f : result.findings) {
    nlohmann::json params = nlohmann::json::object();
    for (const auto& [name, value] : f.params) params[name] = value;
    list.push_back({{"severity", f.severity == reports::Severity::error ? "error" : "warning"},
                    {"code", f.code},
                    {"section", f.section},
                    {"line", f.line},
                    {"column", f.column},
                    {"message", app.catalog.text(language, "validation." + f.code, f.params)},
                    {"params", params}});
  }
  return list;
}

tl::expected<nlohmann::json, HttpResponse> json_body(const AppContext& app, const HttpRequest& request) {
  try {
    return nlohmann::json::parse(request.body);
  } catch (const nlohmann::json::exception&) {
    return tl::unexpected(api_error(400, "invalid_json", app.catalog.text(language_of(request), "errors.invalid_json")));
  }
}

}  // namespace att::web
