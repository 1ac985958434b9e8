// POST /reporting/{ISO3}/{year}/recall: the Secretariat recalls the current version of a report
// from the State's reporting home, with a reason.
#pragma once

#include "web/http/router.hpp"
#include "web/kit/app_context.hpp"

namespace att::web {

void add_recall_page(Router& router, const AppContext& app);

}  // namespace att::web
