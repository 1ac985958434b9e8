// Rendering an HTML page in the visitor's language, with the layout, the language switch
// and the language cookie handled in one place.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "web/http/http.hpp"
#include "web/kit/app_context.hpp"
#include "web/kit/language.hpp"

namespace att::web {

HttpResponse render_page(const AppContext& app, const HttpRequest& request, const LanguageChoice& choice,
                         const std::string& page, nlohmann::json context, int status = 200);

// The page of an address that does not exist, with the router's words and status: what is
// there but hidden from the viewer (another State's draft, a consultation the viewer is
// outside of) answers exactly this, so that nobody learns it is there.
HttpResponse page_not_found(const AppContext& app, const HttpRequest& request);

// The current URL with one query parameter replaced (used by the language switch).
std::string url_with_param(const HttpRequest& request, const std::string& name, const std::string& value);

}  // namespace att::web
