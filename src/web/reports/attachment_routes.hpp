// Original documents attached to submitted report versions: upload (those who submit the State's
// reports), list and download (those who may read the version, and no one else).
#pragma once

#include <nlohmann/json.hpp>

#include "auth/viewer.hpp"
#include "core/language.hpp"
#include "reporting/reports_store.hpp"
#include "store/database.hpp"
#include "web/kit/app_context.hpp"
#include "web/http/router.hpp"

namespace att::web {

void add_attachment_routes(Router& router, const AppContext& app);

// For the printable report page: {"attachments": [{name, href, size}...], "has_attachments": bool}.
nlohmann::json attachment_links(const AppContext& app, Language language, store::Database& db,
                                const auth::Viewer& viewer, const reporting::VersionSummary& version);

}  // namespace att::web
