#include "web/states/feature.hpp"

#include "web/states/state_page.hpp"
#include "web/states/states_page.hpp"
#include "web/states/states_routes.hpp"

namespace att::web {

Feature states_feature() {
  return {"states",
          [](Router& router, const AppContext& app) {
            add_states_routes(router, app);
            add_states_page(router, app);
            add_state_page(router, app);
          },
          {{.position = 20, .href = "/states", .label_key = "nav.states"},
           {.position = 40, .href = "/api/v1/states", .label_key = "nav.api", .current = NavEntry::Current::never}}};
}

}  // namespace att::web
