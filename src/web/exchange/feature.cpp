#include "web/exchange/feature.hpp"

#include "web/exchange/announcements_api.hpp"

namespace att::web {

// The API for now; the pages under /restricted come next, with their own entries.
Feature exchange_feature() {
  return {"exchange", [](Router& router, const AppContext& app) { add_announcements_api(router, app); }, {}};
}

}  // namespace att::web
