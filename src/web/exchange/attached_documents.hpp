// Library documents attached to an announcement or consultation: chairs and the Secretariat
// attach them by symbol or number (when publishing, from the announcement's page or through the
// API) and remove them; every reader sees those of them they may see (exchange/announcement_documents).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <tl/expected.hpp>
#include <vector>

#include "exchange/documents.hpp"
#include "web/http/router.hpp"
#include "web/kit/app_context.hpp"

namespace att::web {

// The documents for the page and the API, each with its address.
nlohmann::json attached_documents_view(const AppContext& app, Language language,
                                       const std::vector<exchange::Document>& documents);

// The documents named by symbol or number, in order and each once; the error is the first
// reference that names no document the viewer may see.
tl::expected<std::vector<std::int64_t>, std::string> resolve_documents(store::Database& db, const auth::Viewer& viewer,
                                                                       const std::vector<std::string>& references);

// POST /announcements/{id}/documents, POST /announcements/{id}/documents/{document}/remove,
// POST and DELETE /api/v1/announcements/{id}/documents[/{document}].
void add_attached_documents_routes(Router& router, const AppContext& app);

}  // namespace att::web
