#include "web/notifications/feature.hpp"

#include "web/notifications/preferences_page.hpp"
#include "web/notifications/whats_new_page.hpp"

namespace att::web {

namespace {

void add_notification_routes(Router& router, const AppContext& app) {
  add_preferences_page(router, app);
  add_whats_new_page(router, app);
}

}  // namespace

// No menu entry: the account page links the choice, the restricted area links what is new.
Feature notifications_feature() { return {"notifications", add_notification_routes, {}}; }

}  // namespace att::web
