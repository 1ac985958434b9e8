// Before a draft is submitted: a preview of exactly what the public will see of it (nothing, for
// a report restricted to States Parties), a confirmation that names its visibility and its
// Article 13(3) declarations, then the submission and the receipt.
#pragma once

#include "web/http/router.hpp"
#include "web/kit/app_context.hpp"

namespace att::web {

void add_submission_pages(Router& router, const AppContext& app);

}  // namespace att::web
