// The reports API: lists and documents, each answer limited to what the caller may see.
#pragma once

#include "web/kit/app_context.hpp"
#include "web/http/router.hpp"

namespace att::web {

void add_reports_routes(Router& router, const AppContext& app);

}  // namespace att::web
