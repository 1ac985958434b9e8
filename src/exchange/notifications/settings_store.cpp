#include "exchange/notifications/settings_store.hpp"

#include <algorithm>

#include "store/stored_timestamp.hpp"

namespace att::notifications {

namespace {

using store::stored_timestamp;

constexpr std::chrono::hours first_digest_reaches_back{24};

store::Value optional_day(const std::optional<Date>& day) {
  return day ? store::Value{day->iso()} : store::Value{nullptr};
}

// Writes the settings as read (defaults included) when the account has no row yet.
void keep_defaults(store::Database& db, std::int64_t user_id, const NotificationSettings& settings) {
  db.execute(
      "INSERT INTO notification_settings (user_id, delivery, mailed_through, digest_on, seen_through)"
      " VALUES ($1, $2, $3, $4, $5) ON CONFLICT (user_id) DO NOTHING",
      {user_id, std::string(to_string(settings.delivery)), settings.mailed_through.iso(),
       optional_day(settings.digest_on), settings.seen_through.iso()});
}

}  // namespace

std::optional<NotificationSettings> settings_of(store::Database& db, std::int64_t user_id, Timestamp now) {
  const auto rows = db.query(
      "SELECT u.created_at, s.delivery, s.mailed_through, s.digest_on, s.seen_through"
      " FROM users u LEFT JOIN notification_settings s ON s.user_id = u.id WHERE u.id = $1",
      {user_id});
  if (rows.empty()) return std::nullopt;
  const auto& row = rows.front();
  const auto created_at = stored_timestamp(row.text(0));
  NotificationSettings settings;
  settings.delivery = delivery_from_string(row.text(1)).value_or(default_delivery);
  settings.mailed_through =
      row.is_null(2) ? std::max(created_at, now.plus(-first_digest_reaches_back)) : stored_timestamp(row.text(2));
  if (!row.is_null(3)) {
    if (const auto day = Date::parse(row.text(3))) settings.digest_on = *day;
  }
  settings.seen_through = row.is_null(4) ? created_at : stored_timestamp(row.text(4));
  return settings;
}

void choose_delivery(store::Database& db, std::int64_t user_id, Delivery delivery, Timestamp now) {
  store::Transaction transaction(db);
  const auto current = settings_of(db, user_id, now);
  if (!current) return;
  keep_defaults(db, user_id, *current);
  if (current->delivery != delivery)
    db.execute("UPDATE notification_settings SET delivery = $1, mailed_through = $2 WHERE user_id = $3",
               {std::string(to_string(delivery)), now.iso(), user_id});
  transaction.commit();
}

void mark_seen(store::Database& db, std::int64_t user_id, Timestamp through, Timestamp now) {
  store::Transaction transaction(db);
  const auto current = settings_of(db, user_id, now);
  if (!current) return;
  keep_defaults(db, user_id, *current);
  db.execute("UPDATE notification_settings SET seen_through = $1 WHERE user_id = $2 AND seen_through < $1",
             {std::min(through, now).iso(), user_id});
  transaction.commit();
}

std::optional<NewsWindow> unseen_window(store::Database& db, const auth::Viewer& viewer, Timestamp now) {
  if (!viewer.user_id) return std::nullopt;
  const auto settings = settings_of(db, *viewer.user_id, now);
  if (!settings) return std::nullopt;
  return NewsWindow{settings->seen_through, now, true};
}

std::int64_t count_unseen(store::Database& db, const auth::Viewer& viewer, Timestamp now) {
  const auto window = unseen_window(db, viewer, now);
  return window ? count_news(db, viewer, *window) : 0;
}

bool take_mail_window(store::Database& db, std::int64_t user_id, const NotificationSettings& read, Timestamp to,
                      std::optional<Date> digest_on) {
  keep_defaults(db, user_id, read);
  return !db.query(
                "UPDATE notification_settings SET mailed_through = $1, digest_on = $2"
                " WHERE user_id = $3 AND mailed_through = $4 RETURNING user_id",
                {to.iso(), optional_day(digest_on), user_id, read.mailed_through.iso()})
              .empty();
}

}  // namespace att::notifications
