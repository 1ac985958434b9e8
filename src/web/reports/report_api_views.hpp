// JSON shapes that the report APIs share: a version's summary, validation findings in the
// caller's language, and reading a JSON body.
#pragma once

#include <nlohmann/json.hpp>
#include <tl/expected.hpp>

#include "core/reports/validation.hpp"
#include "reporting/reports_store.hpp"
#include "web/kit/app_context.hpp"
#include "web/http/http.hpp"
#include "web/kit/language.hpp"

namespace att::web {

nlohmann::json summary_json(const reporting::VersionSummary& summary);
nlohmann::json findings_json(const AppContext& app, Language language, const reports::ValidationResult& result);
// Records a read of a restricted annual report version in the audit log (nothing for a public
// one). `how` names the form it was read in ("html", "pdf"; empty for the API's JSON and CSV).
void audit_restricted_read(store::Database& db, const HttpRequest& request, const reporting::VersionSummary& summary,
                           const std::string& how = {});
// The request body as JSON, or the 400 answer saying it is not.
tl::expected<nlohmann::json, HttpResponse> json_body(const AppContext& app, const HttpRequest& request);

}  // namespace att::web
