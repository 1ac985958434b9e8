// The transfers explorer, /transfers: the API's filters as a GET form (every view has an address
// that reproduces it), facets with counts, the lines page by page, the summary pivot, the mirror
// comparison, charts drawn from tables on the page, and downloads of the current query.
#pragma once

#include <memory>

#include "web/http/router.hpp"
#include "web/transfers/transfers_service.hpp"

namespace att::web {

void add_explorer_page(Router& router, std::shared_ptr<TransfersService> service);

}  // namespace att::web
