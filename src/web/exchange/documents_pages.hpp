// The documents library's pages: /documents (what the viewer may see, with a search), a
// document's page with its versions and a file per language, and the files themselves. A
// document outside the viewer's audience answers as an address that does not exist.
#pragma once

#include "web/http/router.hpp"
#include "web/kit/app_context.hpp"

namespace att::web {

void add_documents_pages(Router& router, const AppContext& app);

}  // namespace att::web
