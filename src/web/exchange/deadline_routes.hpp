// Changing the deadline for comments after publishing, by chairs and the Secretariat: from the
// announcement's page (POST /announcements/{id}/deadline, without script) and through the API
// (PUT /api/v1/announcements/{id}/deadline). Each change is in the audit log with the deadline
// before and after. Whether comments are taken is decided at each write from the deadline then
// in force, so a later deadline reopens commenting and editing, an earlier one closes them.
#pragma once

#include "web/http/router.hpp"
#include "web/kit/app_context.hpp"

namespace att::web {

void add_deadline_routes(Router& router, const AppContext& app);

}  // namespace att::web
