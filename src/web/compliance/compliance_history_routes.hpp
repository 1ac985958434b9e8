// Reporting status over time as an API: the totals of every reporting year, what changed between
// two dates, and every obligation of one State.
#pragma once

#include "web/http/router.hpp"
#include "web/kit/app_context.hpp"

namespace att::web {

void add_compliance_history_routes(Router& router, const AppContext& app);

}  // namespace att::web
