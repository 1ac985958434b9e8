// The initial report API: the State's answers to the questionnaire, drafted, submitted as
// versions (a later one updates the earlier) and read by those who may see them.
#pragma once

#include "web/kit/app_context.hpp"
#include "web/http/router.hpp"

namespace att::web {

void add_initial_reports_routes(Router& router, const AppContext& app);

}  // namespace att::web
