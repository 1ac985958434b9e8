#include "web/features.hpp"

#include "web/about/feature.hpp"
#include "web/accounts/feature.hpp"
#include "web/admin/feature.hpp"
#include "web/compliance/feature.hpp"
#include "web/exchange/feature.hpp"
#include "web/health/feature.hpp"
#include "web/home/feature.hpp"
#include "web/letters/feature.hpp"
#include "web/notifications/feature.hpp"
#include "web/platform_use/feature.hpp"
#include "web/problems/feature.hpp"
#include "web/reporting/feature.hpp"
#include "web/reports/feature.hpp"
#include "web/states/feature.hpp"
#include "web/transfers/feature.hpp"

namespace att::web {

// A new feature is a folder under src/web with its `Feature` and one line here. The menu reads
// by the entries' positions: home 10, States 20, reports 30, transfers 33, status 35, reporting 35,
// letters 36, platform use 37, API 40, restricted area 50,
// registrations 60, users 70, audit log 80, reported problems 85, account 90.
const std::vector<Feature>& features() {
  static const std::vector<Feature> all{
      health_feature(), states_feature(), home_feature(), accounts_feature(), admin_feature(), reports_feature(),
      compliance_feature(), transfers_feature(), reporting_feature(), letters_feature(),
      exchange_feature(), notifications_feature(),
      platform_use_feature(), about_feature(), problems_feature(),
  };
  return all;
}

}  // namespace att::web
