#include "exchange/notifications/recipients.hpp"

#include <algorithm>
#include <map>

#include "auth/accounts_store.hpp"
#include "mail/outgoing_mail.hpp"

namespace att::notifications {

std::vector<Recipient> recipients(store::Database& db, const StatesRegister& states_register, Date today) {
  std::map<std::int64_t, Language> languages;
  for (const auto& row : db.query("SELECT id, language FROM users WHERE active = 1"))
    languages[row.integer(0)] = language_from_code(row.text(1)).value_or(Language::en);
  std::vector<Recipient> found;
  for (const auto& stored : auth::list_accounts(db)) {
    const auto language = languages.find(stored.account.id);
    if (!stored.account.active || language == languages.end()) continue;
    auto viewer = auth::viewer_for(stored.account, states_register, today, true);
    // An address the outbox would refuse must not stop everyone else's mail.
    if (!viewer.user_id || !mail::is_plausible_address(viewer.email)) continue;
    found.push_back({std::move(viewer), language->second});
  }
  std::sort(found.begin(), found.end(),
            [](const Recipient& a, const Recipient& b) { return *a.viewer.user_id < *b.viewer.user_id; });
  return found;
}

}  // namespace att::notifications
