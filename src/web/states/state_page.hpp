// The page of one State, /states/{ISO3}: its treaty status from the register, its reports and
// their versions, its reporting history, the reminder letters it was sent (for the Secretariat and
// the State's own people only) and its transfers by year as charts, each part only over what the
// viewer may see.
#pragma once

#include "web/http/router.hpp"
#include "web/kit/app_context.hpp"

namespace att::web {

void add_state_page(Router& router, const AppContext& app);

}  // namespace att::web
