// "My account": password, two-factor set-up, active sessions, API tokens.
#pragma once

#include "web/kit/app_context.hpp"
#include "web/http/router.hpp"

namespace att::web {

void add_account_routes(Router& router, const AppContext& app);

}  // namespace att::web
