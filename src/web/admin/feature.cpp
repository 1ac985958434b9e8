#include "web/admin/feature.hpp"

#include "auth/policy.hpp"
#include "web/admin/admin_routes.hpp"

namespace att::web {

namespace {

// The users page is listed for those who review registrations, as it always was: reviewers
// look up the applicants' accounts there.
bool may_review_registrations(const auth::Viewer& viewer) {
  return auth::may(viewer, auth::Permission::review_registrations);
}
bool may_read_audit_log(const auth::Viewer& viewer) { return auth::may(viewer, auth::Permission::read_audit_log); }

NavEntry admin_entry(int position, std::string href, std::string label_key, bool (*shown_to)(const auth::Viewer&)) {
  return {.position = position,
          .href = std::move(href),
          .label_key = std::move(label_key),
          .current = NavEntry::Current::prefix,
          .shown_to = shown_to};
}

}  // namespace

Feature admin_feature() {
  return {"admin",
          add_admin_routes,
          {admin_entry(60, "/admin/registrations", "nav.registrations", may_review_registrations),
           admin_entry(70, "/admin/users", "nav.users", may_review_registrations),
           admin_entry(80, "/admin/audit", "nav.audit", may_read_audit_log)}};
}

}  // namespace att::web
