#include "web/transfers/feature.hpp"

#include "web/transfers/transfers_routes.hpp"

namespace att::web {

Feature transfers_feature() {
  return {"transfers",
          [](Router& router, const AppContext& app) { add_transfers_routes(router, app); },
          {{.position = 33, .href = "/transfers", .label_key = "nav.transfers"}}};
}

}  // namespace att::web
