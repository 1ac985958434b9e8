// /api/v1/announcements: announcements and consultations, and the comments on them. Whoever is
// outside an announcement's audience gets the same 404 as for one that does not exist.
#pragma once

#include "web/http/router.hpp"
#include "web/kit/app_context.hpp"

namespace att::web {

void add_announcements_api(Router& router, const AppContext& app);

}  // namespace att::web
