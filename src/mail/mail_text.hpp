// E-mails the platform sends, written from the strings catalogue in the recipient's language
// and queued in the outbox (delivered later, retried, never lost).
#pragma once

#include <map>
#include <string>

#include "core/language.hpp"
#include "store/database.hpp"
#include "text/catalog.hpp"

namespace att::mail {

// Queues mails.<kind>.subject / mails.<kind>.body with {placeholders} filled, inside the
// caller's transaction.
void queue_mail(store::Database& db, const text::Catalog& catalog, Language language, const std::string& kind,
                const std::string& to, const std::map<std::string, std::string>& values);

}  // namespace att::mail
