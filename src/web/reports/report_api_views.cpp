#include "web/reports/report_api_views.hpp"

#include "auth/audit_log.hpp"
#include "core/date.hpp"
#include "reporting/version_json.hpp"
#include "text/problem_text.hpp"
#include "web/http/api_errors.hpp"
#include "web/kit/guard.hpp"
#include "core/timestamp.hpp"

namespace att::web {

nlohmann::json summary_json(const reporting::VersionSummary& summary) { return reporting::version_json(summary); }

nlohmann::json findings_json(const AppContext& app, Language language, const reports::ValidationResult& result) {
  return problems_json(app.catalog, language, result.findings);
}

void audit_restricted_read(store::Database& db, const HttpRequest& request, const reporting::VersionSummary& summary,
                           const std::string& how) {
  // A table of its own may be restricted while the report is not.
  const auto restricted = [&](const std::optional<reports::Visibility>& table) {
    return table.value_or(summary.visibility) == reports::Visibility::restricted;
  };
  if (!restricted(summary.exports_visibility) && !restricted(summary.imports_visibility)) return;
  auth::record_audit(db,
                     audit_entry(request, "restricted_report_read",
                                 "report:" + summary.reporting_state + "/" + std::to_string(summary.year),
                                 (how.empty() ? "" : how + ", ") + "version " + std::to_string(summary.version_no)),
                     Timestamp::now());
}

tl::expected<nlohmann::json, HttpResponse> json_body(const AppContext& app, const HttpRequest& request) {
  try {
    return nlohmann::json::parse(request.body);
  } catch (const nlohmann::json::exception&) {
    return tl::unexpected(api_error(400, "invalid_json", app.catalog.text(language_of(request), "errors.invalid_json")));
  }
}

}  // namespace att::web
