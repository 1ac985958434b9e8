// The answers the announcements API gives alike from every route: the one 404 for "not there" and
// "not for you", a field that could not be used, and no caching of what differs per viewer.
#pragma once

#include "web/exchange/announcement_json.hpp"
#include "web/http/http.hpp"
#include "web/kit/app_context.hpp"

namespace att::web {

HttpResponse announcement_not_found(const AppContext& app, const HttpRequest& request);
HttpResponse invalid_field(const AppContext& app, const HttpRequest& request, const FieldError& error);
// What each viewer sees differs: no cache keeps the answer.
HttpResponse uncached(HttpResponse response);

}  // namespace att::web
