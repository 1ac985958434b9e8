// The guidance on reporting obligations: /faq shows the newest revision in the reader's language,
// each question at /faq#q<number>; /faq/<number> is the stable address the reporting tool and the
// reminder letters link to, and leads there.
#pragma once

#include "web/http/router.hpp"
#include "web/kit/app_context.hpp"

namespace att::web {

void add_faq_page(Router& router, const AppContext& app);

}  // namespace att::web
