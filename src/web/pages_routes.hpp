// HTML pages of the public site: the home page and the States page.
#pragma once

#include "web/app_context.hpp"
#include "web/router.hpp"

namespace att::web {

void add_pages_routes(Router& router, const AppContext& app);

}  // namespace att::web
