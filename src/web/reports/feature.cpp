#include "web/reports/feature.hpp"

#include "web/reports/attachment_routes.hpp"
#include "web/reports/initial_reports_routes.hpp"
#include "web/reports/report_pages.hpp"
#include "web/reports/reports_routes.hpp"

namespace att::web {

Feature reports_feature() {
  return {"reports",
          [](Router& router, const AppContext& app) {
            add_reports_routes(router, app);
            add_initial_reports_routes(router, app);
            add_attachment_routes(router, app);
            add_report_pages(router, app);
          },
          {{.position = 30, .href = "/reports", .label_key = "nav.reports", .current = NavEntry::Current::prefix}}};
}

}  // namespace att::web
