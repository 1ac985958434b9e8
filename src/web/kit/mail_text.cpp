#include "web/kit/mail_text.hpp"

#include "core/date.hpp"
#include "mail/outbox.hpp"

namespace att::web {

void queue_mail(store::Database& db, const Catalog& catalog, Language language, const std::string& kind,
                const std::string& to, const std::map<std::string, std::string>& values) {
  auto all_values = values;
  all_values.emplace("site", catalog.text(language, "site.name"));
  mail::enqueue(db,
                mail::OutgoingMail{to, catalog.text(language, "mails." + kind + ".subject", all_values),
                                   catalog.text(language, "mails." + kind + ".body", all_values)},
                utc_timestamp_now());
}

}  // namespace att::web
