// Each account's notification settings: how it wants its mail, how far that mail has reached, and
// where its "what is new" list starts. An account that never chose has the defaults, computed
// here, so that every account existing before notifications were built has settings too.
#pragma once

#include <cstdint>
#include <optional>

#include "core/date.hpp"
#include "core/timestamp.hpp"
#include "exchange/notifications/delivery.hpp"
#include "exchange/notifications/news.hpp"
#include "store/database.hpp"

namespace att::notifications {

struct NotificationSettings {
  Delivery delivery = default_delivery;
  // What was published up to this instant has been mailed (or was not to be): the next mail
  // starts after it. By default a day before now, so a first digest covers one day at most.
  Timestamp mailed_through{std::chrono::sys_seconds{}};
  std::optional<Date> digest_on;  // the UTC day of the last digest, sent or found empty
  // The person has seen what was published up to this instant; by default when the account was made.
  Timestamp seen_through{std::chrono::sys_seconds{}};
};

// nullopt for an unknown account.
std::optional<NotificationSettings> settings_of(store::Database& db, std::int64_t user_id, Timestamp now);

// A change of delivery starts its mail from now: one who turns immediate mail on is not sent
// the past, one who turns a digest on after immediate mail is not sent what was already mailed.
void choose_delivery(store::Database& db, std::int64_t user_id, Delivery delivery, Timestamp now);

// Moves the start of "what is new" to `through`, never back.
void mark_seen(store::Database& db, std::int64_t user_id, Timestamp through, Timestamp now);

// "What is new since your last visit": after the seen mark, through now, comments included. An
// unknown account (or an anonymous viewer) has nothing new.
std::optional<NewsWindow> unseen_window(store::Database& db, const auth::Viewer& viewer, Timestamp now);
// How many items that window holds for the viewer (0 for an anonymous one): the restricted area's count.
std::int64_t count_unseen(store::Database& db, const auth::Viewer& viewer, Timestamp now);

// Takes the mail of (read.mailed_through, to] for one sender: moves the mark to `to` (and the
// digest day to `digest_on`) only if it is still where `read` found it. False when another run
// took it first, so that two runs never send the same news twice.
bool take_mail_window(store::Database& db, std::int64_t user_id, const NotificationSettings& read, Timestamp to,
                      std::optional<Date> digest_on);

}  // namespace att::notifications
