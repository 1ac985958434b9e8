// GET /api/v1/health: the process answers and its database was reachable at start.
#pragma once

#include "web/kit/app_context.hpp"
#include "web/http/router.hpp"

namespace att::web {

void add_health_routes(Router& router, const AppContext& app);

}  // namespace att::web
