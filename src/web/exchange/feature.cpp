#include "web/exchange/feature.hpp"

#include "auth/policy.hpp"
#include "web/exchange/announcement_lists.hpp"
#include "web/exchange/announcement_page.hpp"
#include "web/exchange/announcements_api.hpp"
#include "web/exchange/attached_documents.hpp"
#include "web/exchange/deadline_routes.hpp"
#include "web/exchange/documents_api.hpp"
#include "web/exchange/documents_pages.hpp"
#include "web/exchange/documents_publish.hpp"
#include "web/exchange/faq_history_page.hpp"
#include "web/exchange/faq_page.hpp"
#include "web/exchange/faq_revision_form.hpp"
#include "web/exchange/inventory_routes.hpp"
#include "web/exchange/publish_page.hpp"

namespace att::web {

namespace {

bool may_enter_restricted_area(const auth::Viewer& viewer) {
  return auth::may(viewer, auth::Permission::enter_restricted_area);
}

void add_exchange_routes(Router& router, const AppContext& app) {
  add_announcements_api(router, app);
  add_inventory_routes(router, app);
  add_announcement_lists(router, app);
  add_publish_page(router, app);
  add_announcement_page(router, app);
  add_attached_documents_routes(router, app);
  add_deadline_routes(router, app);
  add_documents_api(router, app);
  add_documents_publish(router, app);  // before the pages: /documents/new is not a document
  add_documents_pages(router, app);
  add_faq_revision_form(router, app);  // before the page: /faq/revise is not a question
  add_faq_history_page(router, app);
  add_faq_page(router, app);
}

}  // namespace

// /restricted is the exchange area's front page: the announcements and consultations the viewer's
// audiences reach. /announcements lists the public ones for anyone.
Feature exchange_feature() {
  return {"exchange",
          add_exchange_routes,
          {{.position = 50,
            .href = "/restricted",
            .label_key = "nav.restricted",
            .current = NavEntry::Current::prefix,
            .shown_to = may_enter_restricted_area}}};
}

}  // namespace att::web
