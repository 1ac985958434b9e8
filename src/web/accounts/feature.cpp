#include "web/accounts/feature.hpp"

#include "web/accounts/account_routes.hpp"
#include "web/accounts/password_reset_routes.hpp"
#include "web/accounts/registration_routes.hpp"
#include "web/accounts/sign_in_routes.hpp"

namespace att::web {

namespace {

bool is_signed_in(const auth::Viewer& viewer) { return !viewer.is_anonymous(); }

}  // namespace

Feature accounts_feature() {
  return {"accounts",
          [](Router& router, const AppContext& app) {
            add_sign_in_routes(router, app);
            add_registration_routes(router, app);
            add_password_reset_routes(router, app);
            add_account_routes(router, app);
          },
          {{.position = 90,
            .href = "/account",
            .label_key = "nav.account",
            .current = NavEntry::Current::prefix,
            .shown_to = is_signed_in}}};
}

}  // namespace att::web
