// A document of the library as the API and the pages show it: symbol, title, summary, audience in
// the reader's words, and its address.
#pragma once

#include <nlohmann/json.hpp>

#include "exchange/documents.hpp"
#include "web/kit/app_context.hpp"

namespace att::web {

nlohmann::json document_view(const AppContext& app, Language language, const exchange::Document& document);

}  // namespace att::web
