// Publishing an announcement and changing its status, each with its audit entry in the same
// transaction, whichever way it was asked (the page's form or the API).
#pragma once

#include <cstdint>
#include <optional>

#include "exchange/announcements.hpp"
#include "store/database.hpp"
#include "web/http/http.hpp"

namespace att::web {

// As exchange::publish: nullopt when the viewer may not publish or attach one of the documents.
std::optional<std::int64_t> publish_with_audit(store::Database& db, const HttpRequest& request,
                                               const exchange::NewAnnouncement& announcement);

// As exchange::set_status: false when the viewer may not, or the announcement is not there.
bool set_status_with_audit(store::Database& db, const HttpRequest& request, std::int64_t id, exchange::Status status);

}  // namespace att::web
