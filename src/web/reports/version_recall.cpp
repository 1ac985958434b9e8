#include "web/reports/version_recall.hpp"

#include "auth/audit_log.hpp"
#include "reporting/reports_store.hpp"
#include "web/kit/guard.hpp"
#include "web/reports/report_notices.hpp"
#include "core/timestamp.hpp"

namespace att::web {

bool acceptable_recall_reason(const std::string& reason) { return reason.size() >= 3 && reason.size() <= 2000; }

std::optional<std::int64_t> recall_version(const AppContext& app, const HttpRequest& request, const std::string& state,
                                           int year, const std::string& reason) {
  auto db = app.pool->acquire();
  const auto now = Timestamp::now();
  store::Transaction transaction(*db);
  const auto version = reporting::recall_current(*db, state, year, reason, now);
  if (!version) return std::nullopt;
  auth::append_audit(*db, audit_entry(request, "report_recalled", "report:" + state + "/" + std::to_string(year),
                                      "version " + std::to_string(*version) + ": " + reason),
                     now);
  reporting::notify(*db, notice_writer(app),
                    {reports::Transition::recall, state, year, *version, now.date().iso(), "", reason});
  transaction.commit();
  return version;
}

}  // namespace att::web
