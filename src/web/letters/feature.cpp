#include "web/letters/feature.hpp"

#include "auth/policy.hpp"
#include "web/letters/letters_page.hpp"

namespace att::web {

namespace {

// The same permission as the page itself (letters_page.cpp): the Secretariat's.
bool may_write_letters(const auth::Viewer& viewer) {
  return auth::may(viewer, auth::Permission::enter_report_on_behalf);
}

}  // namespace

Feature letters_feature() {
  return {"letters",
          [](Router& router, const AppContext& app) { add_letters_page(router, app); },
          {{.position = 36,
            .href = "/status/letters",
            .label_key = "nav.letters",
            .current = NavEntry::Current::prefix,
            .shown_to = may_write_letters}}};
}

}  // namespace att::web
