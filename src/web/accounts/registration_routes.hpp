// Applying for an account and confirming the e-mail address.
#pragma once

#include "web/kit/app_context.hpp"
#include "web/http/router.hpp"

namespace att::web {

void add_registration_routes(Router& router, const AppContext& app);

}  // namespace att::web
