// HTML pages of reports: the list, and one report as a printable document with its receipt
// (version, received date, content hash). The same functions as the API decide what is shown.
#pragma once

#include "web/kit/app_context.hpp"
#include "web/http/router.hpp"

namespace att::web {

void add_report_pages(Router& router, const AppContext& app);

}  // namespace att::web
