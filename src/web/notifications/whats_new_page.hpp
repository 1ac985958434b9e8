// /restricted/new: what was published since the signed-in person's last visit that they may see
// (announcements, consultations, documents, comments), with a button marking it all as seen.
#pragma once

#include "web/http/router.hpp"
#include "web/kit/app_context.hpp"

namespace att::web {

void add_whats_new_page(Router& router, const AppContext& app);

}  // namespace att::web
