#include "web/transfers/feature.hpp"

#include "web/transfers/transfers_routes.hpp"

namespace att::web {

// The API only for now: the explorer page comes with its own menu entry.
Feature transfers_feature() {
  return {"transfers", [](Router& router, const AppContext& app) { add_transfers_routes(router, app); }, {}};
}

}  // namespace att::web
