// /account/notifications: the signed-in person chooses how they hear of what is new (a mail for
// each publication, a daily digest, or none). A form without script.
#pragma once

#include "web/http/router.hpp"
#include "web/kit/app_context.hpp"

namespace att::web {

void add_preferences_page(Router& router, const AppContext& app);

}  // namespace att::web
