#include "web/platform_use/feature.hpp"

#include "auth/policy.hpp"
#include "web/platform_use/platform_use_page.hpp"

namespace att::web {

namespace {

bool may_read_platform_use(const auth::Viewer& viewer) { return auth::may(viewer, platform_use_permission); }

}  // namespace

Feature platform_use_feature() {
  return {"platform_use",
          [](Router& router, const AppContext& app) { add_platform_use_page(router, app); },
          {{.position = 37,
            .href = "/status/use",
            .label_key = "nav.platform_use",
            .current = NavEntry::Current::exact,
            .shown_to = may_read_platform_use}}};
}

}  // namespace att::web
