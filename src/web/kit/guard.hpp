// Turning the policy's answer into a response: anonymous visitors are sent to sign in,
// signed-in people without the right get a 403 page. Every protected handler starts here.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "auth/audit_log.hpp"
#include "auth/policy.hpp"
#include "web/kit/app_context.hpp"
#include "web/http/http.hpp"

namespace att::web {

// nullopt when the viewer may; otherwise the response to send instead.
std::optional<HttpResponse> refuse_unless(const AppContext& app, const HttpRequest& request,
                                          auth::Permission permission,
                                          std::optional<std::string_view> state_iso3 = std::nullopt);

// An audit entry for something done in this request. The first form records the e-mail address
// a person gave (signing in, registering): only when it looks like one (auth::email_for_audit).
// The second records the signed-in viewer (or "anonymous") as the actor.
auth::AuditEntry audit_entry(const HttpRequest& request, std::optional<std::int64_t> user_id, std::string actor,
                             std::string action, std::string target = {}, std::string detail = {});
auth::AuditEntry audit_entry(const HttpRequest& request, std::string action, std::string target = {},
                             std::string detail = {});

// The request's own language, for handlers that only need the code.
Language language_of(const HttpRequest& request);

}  // namespace att::web
