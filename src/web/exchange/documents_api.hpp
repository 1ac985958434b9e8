// GET /api/v1/documents?q=…: the library's search for programs, with the same answers as the page.
#pragma once

#include "web/http/router.hpp"
#include "web/kit/app_context.hpp"

namespace att::web {

void add_documents_api(Router& router, const AppContext& app);

}  // namespace att::web
