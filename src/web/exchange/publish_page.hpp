// /restricted/publish: the form with which chairs and the Secretariat publish an announcement or
// open a consultation. Without script: it posts, and either goes to the new page or shows the
// form again with what was typed and each error next to its field.
#pragma once

#include "web/http/router.hpp"
#include "web/kit/app_context.hpp"

namespace att::web {

void add_publish_page(Router& router, const AppContext& app);

}  // namespace att::web
