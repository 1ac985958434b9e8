// A State's transfers as its page charts them: the lines it reported by year, exports and imports
// apart, and its ten partners with most lines; counted by the transfers read model over the lines
// the viewer may see (the read rule is the scan's first condition).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "auth/viewer.hpp"
#include "web/kit/app_context.hpp"

namespace att::web {

// {"exports_by_year": [{key, label, lines, count}], "imports_by_year": […], "top_partners": […],
//  "has_transfers": bool}
nlohmann::json state_transfers_view(const AppContext& app, Language language, const auth::Viewer& viewer,
                                    const std::string& iso3);

}  // namespace att::web
