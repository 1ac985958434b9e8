// The Secretariat recalls the current version of a report, with its reason: stored, written to
// the audit log and announced to the State's reporting officers, in one transaction. The API
// (POST …/recall) and the reporting tool's page recall this way.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "web/http/http.hpp"
#include "web/kit/app_context.hpp"

namespace att::web {

// A reason the Secretariat may give: 3 to 2000 bytes.
bool acceptable_recall_reason(const std::string& reason);

// The recalled version's number, or nullopt when nothing is submitted. The caller has checked
// that the viewer may recall and that the reason is acceptable.
std::optional<std::int64_t> recall_version(const AppContext& app, const HttpRequest& request, const std::string& state,
                                           int year, const std::string& reason);

}  // namespace att::web
