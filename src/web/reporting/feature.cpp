#include "web/reporting/feature.hpp"

#include "web/reporting/attachment_form.hpp"
#include "web/reporting/editor_page.hpp"
#include "web/reporting/home_page.hpp"
#include "web/reporting/initial_page.hpp"
#include "web/reporting/recall_page.hpp"
#include "web/reporting/reporting_access.hpp"
#include "web/reporting/submission_page.hpp"

namespace att::web {

Feature reporting_feature() {
  return {"reporting",
          [](Router& router, const AppContext& app) {
            add_reporting_home(router, app);
            add_initial_report_pages(router, app);
            add_report_editor(router, app);
            add_submission_pages(router, app);
            add_recall_page(router, app);
            add_attachment_form(router, app);
          },
          {{.position = 35,
            .href = "/reporting",
            .label_key = "nav.reporting",
            .current = NavEntry::Current::prefix,
            .shown_to = may_report}}};
}

}  // namespace att::web
