#include "core/compliance/obligation_status.hpp"

#include <algorithm>

namespace att::compliance {

std::string_view to_string(Timeliness timeliness) {
  switch (timeliness) {
    case Timeliness::on_time: return "on_time";
    case Timeliness::within_grace: return "within_grace";
    case Timeliness::late: return "late";
    case Timeliness::overdue: return "overdue";
    case Timeliness::not_yet_due: break;
  }
  return "not_yet_due";
}

ObligationStatus status_on(const Obligation& obligation, const std::vector<ReceivedVersion>& versions, Date as_of,
                           const ObligationRules& rules) {
  ObligationStatus status;
  for (const auto& version : versions) {
    const bool known = version.received <= as_of;
    const bool standing = !version.recalled_on || *version.recalled_on > as_of;
    if (!known || !standing) continue;
    ++status.versions;
    if (!status.first_received || version.received < *status.first_received) status.first_received = version.received;
  }
  if (status.first_received) {
    const auto late_by = obligation.due.days_until(*status.first_received);
    status.days_late = std::max(late_by, 0);
    status.timeliness = late_by <= 0                 ? Timeliness::on_time
                        : late_by <= rules.grace_days ? Timeliness::within_grace
                                                      : Timeliness::late;
    return status;
  }
  const auto overdue_by = obligation.due.days_until(as_of);
  status.days_late = std::max(overdue_by, 0);
  status.timeliness = overdue_by > 0 ? Timeliness::overdue : Timeliness::not_yet_due;
  return status;
}

}  // namespace att::compliance
