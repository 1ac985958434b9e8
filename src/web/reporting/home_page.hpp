// /reporting: where a reporting officer lands after signing in (the State's reports owed, its
// drafts and what it has submitted) and the Secretariat's overview.
#pragma once

#include "web/http/router.hpp"
#include "web/kit/app_context.hpp"

namespace att::web {

void add_reporting_home(Router& router, const AppContext& app);

}  // namespace att::web
