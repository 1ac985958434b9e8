// Who is asking, established once per request: session cookie or API token -> Viewer, and the
// CSRF check of every request that changes something.
#pragma once

#include <optional>
#include <string>

#include "web/kit/app_context.hpp"
#include "web/http/http.hpp"

namespace att::web {

inline constexpr const char* session_cookie = "att_session";
inline constexpr const char* csrf_cookie = "att_csrf";
// Marks a browser that completed a sign-in (auth/device_cookies.hpp).
inline constexpr const char* device_cookie = "att_device";

void establish_visit(const AppContext& app, HttpRequest& request);
// A state-changing request that lacks the right CSRF token (or an API token instead).
bool is_forged(const HttpRequest& request);

// "name=value; Path=/; HttpOnly; SameSite=Lax[; Secure][; Max-Age=...]"
std::string cookie_header(const AppContext& app, const std::string& name, const std::string& value,
                          std::optional<long> max_age_seconds = std::nullopt);
bool is_state_changing(const HttpRequest& request);

}  // namespace att::web
