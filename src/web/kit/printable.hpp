// Printable pages as PDF over HTTP: text::printable_html makes the document; this adds the
// cache, the download headers and the page that says why when no PDF can be made.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "web/kit/app_context.hpp"
#include "web/http/http.hpp"
#include "web/kit/language.hpp"

namespace att::web {

// `page` is the template the HTML page uses; `file_name` names the download. When no PDF can
// be made the visitor gets a page saying why, in their language (503 when it may work later).
HttpResponse pdf_document(const AppContext& app, const HttpRequest& request, const LanguageChoice& choice,
                          const std::string& page, nlohmann::json context, const std::string& file_name);

// The same for a page already made printable (text::printable_html_of).
HttpResponse pdf_of_html(const AppContext& app, const HttpRequest& request, Language language,
                         const std::string& html, const std::string& file_name);

}  // namespace att::web
