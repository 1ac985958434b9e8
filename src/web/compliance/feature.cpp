#include "web/compliance/feature.hpp"

#include "web/compliance/compliance_routes.hpp"
#include "web/compliance/status_page.hpp"

namespace att::web {

Feature compliance_feature() {
  return {"compliance",
          [](Router& router, const AppContext& app) {
            add_compliance_routes(router, app);
            add_status_page(router, app);
          },
          {{.position = 35, .href = "/status", .label_key = "nav.status"}}};
}

}  // namespace att::web
