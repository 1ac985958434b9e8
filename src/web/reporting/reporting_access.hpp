// Who works on a State's reports from the reporting pages: that State's reporting officers and
// the Secretariat. Anyone else signed in is told the page does not exist (404, not 403), so
// that a State's drafts are not even confirmed to exist.
#pragma once

#include <optional>
#include <string_view>

#include "auth/viewer.hpp"
#include "web/http/http.hpp"
#include "web/kit/app_context.hpp"

namespace att::web {

// Has a State to report for, or is the Secretariat: the navigation entry and the home.
bool may_report(const auth::Viewer& viewer);

// nullopt when the viewer may work on `state_iso3`'s reports; otherwise the response to send:
// sign-in (then back here) for an anonymous visitor, 404 for anyone else.
std::optional<HttpResponse> refuse_reporting(const AppContext& app, const HttpRequest& request,
                                             std::string_view state_iso3);

}  // namespace att::web
