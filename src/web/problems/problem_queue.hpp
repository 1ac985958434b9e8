// /problems: the Secretariat's queue (open first, oldest first) or the viewer's own reports;
// /problems/{id}: one report with its answers, and for the Secretariat the form to answer and close.
#pragma once

#include "web/http/router.hpp"
#include "web/kit/app_context.hpp"

namespace att::web {

void add_problem_queue(Router& router, const AppContext& app);

}  // namespace att::web
