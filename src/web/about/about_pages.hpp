// /contact, /terms and /privacy: short pages in the reader's language, worded in the catalogue;
// /api: the API documentation, docs/api.md rendered (it is written in English).
#pragma once

#include "web/http/router.hpp"
#include "web/kit/app_context.hpp"

namespace att::web {

void add_about_pages(Router& router, const AppContext& app);

}  // namespace att::web
