// The inventory of a consultation's comments: GET /announcements/{id}/inventory, the printable
// page, and GET /api/v1/announcements/{id}/inventory?format=csv|xlsx|pdf. Both only for those
// inside the announcement's audience; everyone else gets the 404 of one that does not exist.
#pragma once

#include "web/http/router.hpp"
#include "web/kit/app_context.hpp"

namespace att::web {

void add_inventory_routes(Router& router, const AppContext& app);

}  // namespace att::web
