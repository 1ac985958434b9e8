#include "web/exchange/announcement_changes.hpp"

#include <string>

#include "auth/audience_rule.hpp"
#include "auth/audit_log.hpp"
#include "exchange/announcements_store.hpp"
#include "web/kit/guard.hpp"

namespace att::web {

std::optional<std::int64_t> publish_with_audit(store::Database& db, const HttpRequest& request,
                                               const exchange::NewAnnouncement& announcement) {
  const auto now = Timestamp::now();
  store::Transaction transaction(db);
  const auto id = exchange::publish(db, request.visit.viewer, announcement, now);
  if (!id) return std::nullopt;  // rolled back: nothing of it stays
  // The kind and audience, not the title: the audit log is read by the Secretariat and the
  // administrators, and a title belongs to the announcement's audience.
  auth::append_audit(db,
                     audit_entry(request, "announcement_published", "announcement:" + std::to_string(*id),
                                 std::string(exchange::to_string(announcement.kind)) + ", " +
                                     std::string(auth::to_string(announcement.audience))),
                     now);
  transaction.commit();
  return id;
}

bool set_status_with_audit(store::Database& db, const HttpRequest& request, std::int64_t id, exchange::Status status) {
  store::Transaction transaction(db);
  if (!exchange::set_status(db, request.visit.viewer, id, status)) return false;
  auth::append_audit(db,
                     audit_entry(request, "announcement_status_changed", "announcement:" + std::to_string(id),
                                 std::string(exchange::to_string(status))),
                     Timestamp::now());
  transaction.commit();
  return true;
}

}  // namespace att::web
