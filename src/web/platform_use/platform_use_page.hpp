// GET /status/use: the use of the platform per year (reports by channel, States reporting
// online, registrations, consultation comments) as a table, and with format=csv as a download.
#pragma once

#include "auth/policy.hpp"
#include "web/http/router.hpp"
#include "web/kit/app_context.hpp"

namespace att::web {

// The Secretariat's figures: the permission only the Secretariat holds.
inline constexpr auto platform_use_permission = auth::Permission::enter_report_on_behalf;

void add_platform_use_page(Router& router, const AppContext& app);

}  // namespace att::web
