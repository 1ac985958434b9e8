// The page of one announcement or consultation: its body, its sections, the comments threaded
// and grouped by section, the form to comment, reply or edit one's own comment while comments
// are taken, and for chairs and the Secretariat the change of status. Outsiders get the 404 of
// an address that does not exist.
#pragma once

#include "web/http/router.hpp"
#include "web/kit/app_context.hpp"

namespace att::web {

void add_announcement_page(Router& router, const AppContext& app);

}  // namespace att::web
