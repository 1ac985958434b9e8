// The lists of announcements and consultations: /restricted, the front page of the exchange
// area, with everything the viewer's audiences reach; /announcements, the public ones for anyone.
#pragma once

#include "web/http/router.hpp"
#include "web/kit/app_context.hpp"

namespace att::web {

void add_announcement_lists(Router& router, const AppContext& app);

}  // namespace att::web
