#include "mail/mail_text.hpp"

#include "core/date.hpp"
#include "mail/outbox.hpp"
#include "core/timestamp.hpp"

namespace att::mail {

void queue_mail(store::Database& db, const text::Catalog& catalog, Language language, const std::string& kind,
                const std::string& to, const std::map<std::string, std::string>& values) {
  auto all_values = values;
  all_values.emplace("site", catalog.text(language, "site.name"));
  enqueue(db,
          OutgoingMail{to, catalog.text(language, "mails." + kind + ".subject", all_values),
                       catalog.text(language, "mails." + kind + ".body", all_values)},
          Timestamp::now());
}

}  // namespace att::mail
