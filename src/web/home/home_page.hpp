// The home page of the public site: what the platform is and today's participation in the Treaty.
#pragma once

#include "web/http/router.hpp"
#include "web/kit/app_context.hpp"

namespace att::web {

void add_home_page(Router& router, const AppContext& app);

}  // namespace att::web
