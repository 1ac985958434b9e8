// The States register API: GET /api/v1/states and GET /api/v1/states/{iso3}.
#pragma once

#include "web/kit/app_context.hpp"
#include "web/http/router.hpp"

namespace att::web {

void add_states_routes(Router& router, const AppContext& app);

}  // namespace att::web
