// The Secretariat reads every restricted report, so nobody joins it unnoticed: each grant of
// the role, by an administrator or by `att` on the server, is announced to the Secretariat's
// other active accounts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "store/database.hpp"
#include "text/catalog.hpp"

namespace att::mail {

// Queues mails.secretariat_granted to every other active Secretariat account, in its language,
// inside the caller's transaction. `granted_by`: who gave the role (an e-mail address, or "att").
// Returns how many were queued.
std::size_t announce_secretariat_grant(store::Database& db, const text::Catalog& catalog, std::int64_t granted_user_id,
                                       const std::string& granted_by);

}  // namespace att::mail
