// The notifications step: immediate mails, daily digests and deadline reminders, queued in the
// outbox in each recipient's language. Run by `att notifications send` (from cron) and every
// minute by `att serve`; each part takes its work before queuing it, so running the step twice,
// or in two processes at once, never sends anything twice.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

#include "core/states_register.hpp"
#include "core/timestamp.hpp"
#include "store/database.hpp"
#include "text/catalog.hpp"

namespace att::notifications {

struct MailingSettings {
  std::string public_url = "http://localhost:8080";  // links in the mails
  int reminder_days = 3;  // a consultation's reminder goes this many days before its deadline
  // News is mailed up to this long before now: a publication whose transaction is still open
  // when the step reads is then not passed over for good.
  std::chrono::seconds settle{30};
};

struct MailingReport {
  std::size_t immediate = 0;  // mails, one per publication and person
  std::size_t digests = 0;
  std::size_t reminders = 0;  // mails, one per representative of a State reminded
};

// One mail per publication (announcement, consultation, document version) to each person who
// chose immediate mail and may see it; one digest a UTC day to each who chose the digest, when
// something is new for them.
MailingReport send_news(store::Database& db, const text::Catalog& catalog, const StatesRegister& states_register,
                        const MailingSettings& settings, Timestamp now);

// For each open consultation whose deadline is within settings.reminder_days, each State inside
// its audience that has not commented yet is reminded once: a mail to each of its representatives
// who may comment there.
MailingReport send_reminders(store::Database& db, const text::Catalog& catalog, const StatesRegister& states_register,
                             const MailingSettings& settings, Timestamp now);

// Both, in that order.
MailingReport send_notifications(store::Database& db, const text::Catalog& catalog,
                                 const StatesRegister& states_register, const MailingSettings& settings, Timestamp now);

}  // namespace att::notifications
