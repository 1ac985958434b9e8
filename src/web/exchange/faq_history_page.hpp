// /faq/{n}/history: every wording question N of the guidance has had, newest first, each with the
// meeting that adopted it and its answers in every language it had. Public, as the guidance is.
#pragma once

#include "web/http/router.hpp"
#include "web/kit/app_context.hpp"

namespace att::web {

void add_faq_history_page(Router& router, const AppContext& app);

}  // namespace att::web
