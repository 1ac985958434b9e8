// The initial report in the reporting tool, /reporting/{ISO3}/initial: the questionnaire's
// sections as steps with a progress indicator, each step saved as the State's draft (with or
// without script), a review step that submits, and the receipt. An update of an earlier initial
// report starts from the current version. Who may work on it: as for the annual report editor.
#pragma once

#include "web/http/router.hpp"
#include "web/kit/app_context.hpp"

namespace att::web {

// Registered before the annual editor: "initial" would otherwise be read as a year.
void add_initial_report_pages(Router& router, const AppContext& app);

}  // namespace att::web
