// The Secretariat's and administrators' pages: registrations to review, users, the audit log.
#pragma once

#include "web/kit/app_context.hpp"
#include "web/http/router.hpp"

namespace att::web {

void add_admin_routes(Router& router, const AppContext& app);

}  // namespace att::web
