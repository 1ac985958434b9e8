// The public reporting-status page, /status: a table by State with filters by report, date,
// region and status, the totals, and the rates over the years with their charts.
#pragma once

#include "web/http/router.hpp"
#include "web/kit/app_context.hpp"

namespace att::web {

void add_status_page(Router& router, const AppContext& app);

}  // namespace att::web
