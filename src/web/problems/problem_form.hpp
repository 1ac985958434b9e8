// /problems/new: the form to report a problem, with the address of the page it came from.
#pragma once

#include "web/http/router.hpp"
#include "web/kit/app_context.hpp"

namespace att::web {

void add_problem_form(Router& router, const AppContext& app);

}  // namespace att::web
