// Immediate mails and daily digests: the news of each person's window, read as that person.
#include <algorithm>

#include "exchange/notifications/mailing.hpp"
#include "exchange/notifications/news.hpp"
#include "exchange/notifications/news_text.hpp"
#include "exchange/notifications/recipients.hpp"
#include "exchange/notifications/settings_store.hpp"
#include "mail/mail_text.hpp"
#include "text/dates.hpp"

namespace att::notifications {

namespace {

// More publications than this in one window is not a day of the exchange: the digest lists the
// newest and says how many more there are; immediate mail sends the newest.
constexpr std::size_t most_items_mailed = 200;

struct MailContext {
  store::Database& db;
  const text::Catalog& catalog;
  const StatesRegister& states_register;
  const MailingSettings& settings;
};

std::string settings_url(const MailContext& context) { return context.settings.public_url + "/account/notifications"; }

std::size_t mail_each_publication(const MailContext& context, const Recipient& to, const NewsWindow& window) {
  auto items = news_for(context.db, to.viewer, window, most_items_mailed);
  std::reverse(items.begin(), items.end());  // in the order they were published
  for (const auto& item : items) {
    mail::queue_mail(context.db, context.catalog, to.language, "notification_immediate", to.viewer.email,
                     {{"name", to.viewer.name},
                      {"summary", one_line(describe(context.catalog, context.states_register, to.language, item))},
                      {"published", text::format_timestamp(context.catalog, to.language, item.at)},
                      {"url", context.settings.public_url + path_of(item)},
                      {"settings_url", settings_url(context)}});
  }
  return items.size();
}

bool mail_digest(const MailContext& context, const Recipient& to, const NewsWindow& window) {
  const auto items = news_for(context.db, to.viewer, window, most_items_mailed);
  if (items.empty()) return false;
  const auto total = count_news(context.db, to.viewer, window);
  std::string lines;
  for (const auto& item : items)
    lines += context.catalog.text(to.language, "notifications.mail_item",
                                  {{"summary", describe(context.catalog, context.states_register, to.language, item)},
                                   {"url", context.settings.public_url + path_of(item)}}) +
             "\n";
  if (total > static_cast<std::int64_t>(items.size()))
    lines += context.catalog.text(to.language, "notifications.mail_more",
                                  {{"count", std::to_string(total - static_cast<std::int64_t>(items.size()))}}) +
             "\n";
  mail::queue_mail(context.db, context.catalog, to.language, "notification_digest", to.viewer.email,
                   {{"name", to.viewer.name},
                    {"count", std::to_string(total)},
                    {"since", text::format_timestamp(context.catalog, to.language, window.after)},
                    {"items", lines},
                    {"url", context.settings.public_url + "/restricted/new"},
                    {"settings_url", settings_url(context)}});
  return true;
}

}  // namespace

MailingReport send_news(store::Database& db, const text::Catalog& catalog, const StatesRegister& states_register,
                        const MailingSettings& settings, Timestamp now) {
  const MailContext context{db, catalog, states_register, settings};
  const auto through = now.plus(-settings.settle);
  const auto today = now.date();
  MailingReport report;
  for (const auto& to : recipients(db, states_register, today)) {
    const auto user_id = *to.viewer.user_id;
    store::Transaction transaction(db);
    const auto read = settings_of(db, user_id, now);
    if (!read || through <= read->mailed_through) continue;
    const NewsWindow window{read->mailed_through, through, read->delivery == Delivery::digest};
    switch (read->delivery) {
      // Nothing to send, nothing written: a new choice starts from its own moment.
      case Delivery::none: continue;
      case Delivery::immediate:
        // Written only when there is something to send, not every minute for everyone.
        if (count_news(db, to.viewer, window) == 0) continue;
        if (!take_mail_window(db, user_id, *read, through, read->digest_on)) continue;
        report.immediate += mail_each_publication(context, to, window);
        break;
      case Delivery::digest:
        if (read->digest_on && *read->digest_on >= today) continue;  // one a day
        if (!take_mail_window(db, user_id, *read, through, today)) continue;
        if (mail_digest(context, to, window)) ++report.digests;
        break;
    }
    transaction.commit();
  }
  return report;
}

MailingReport send_notifications(store::Database& db, const text::Catalog& catalog,
                                 const StatesRegister& states_register, const MailingSettings& settings,
                                 Timestamp now) {
  auto report = send_news(db, catalog, states_register, settings, now);
  report.reminders = send_reminders(db, catalog, states_register, settings, now).reminders;
  return report;
}

}  // namespace att::notifications
