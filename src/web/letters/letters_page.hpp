// /status/letters: the States with overdue reports on a date, the letters to those chosen
// (previewed, printed to one PDF, or sent through the outbox, each logged), the letters already
// sent to them and their replies. The Secretariat's alone: everyone else is refused as for any
// page they may not open.
#pragma once

#include "web/kit/app_context.hpp"
#include "web/http/router.hpp"

namespace att::web {

void add_letters_page(Router& router, const AppContext& app);

}  // namespace att::web
