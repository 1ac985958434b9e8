#include "web/compliance/feature.hpp"

#include "web/compliance/compliance_routes.hpp"

namespace att::web {

// The API only for now: the status page comes with its own menu entry.
Feature compliance_feature() {
  return {"compliance", [](Router& router, const AppContext& app) { add_compliance_routes(router, app); }, {}};
}

}  // namespace att::web
