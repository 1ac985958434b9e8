// Reporting status as an API: who owes which report on a date, and where each stands.
#pragma once

#include "web/http/router.hpp"
#include "web/kit/app_context.hpp"

namespace att::web {

void add_compliance_routes(Router& router, const AppContext& app);

}  // namespace att::web
