// "Forgot your password?": an e-mailed, single-use, expiring link to choose a new one.
#pragma once

#include "web/kit/app_context.hpp"
#include "web/http/router.hpp"

namespace att::web {

void add_password_reset_routes(Router& router, const AppContext& app);

}  // namespace att::web
