// The public transfers database as an API: lines, summaries and the mirror comparison, each
// computed over what the caller may see.
#pragma once

#include "web/http/router.hpp"
#include "web/kit/app_context.hpp"

namespace att::web {

void add_transfers_routes(Router& router, const AppContext& app);

}  // namespace att::web
