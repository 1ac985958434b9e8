// The mail outbox (table mail_outbox): mail is written to the database first and delivered later,
// so a message is queued atomically with the change that caused it and survives SMTP outages and restarts.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "mail/outgoing_mail.hpp"
#include "store/database.hpp"
#include "core/timestamp.hpp"

namespace att::mail {

struct QueuedMail {
  std::int64_t id = 0;
  OutgoingMail mail;
  std::int64_t attempts = 0;  // failed attempts so far
  Timestamp next_attempt_at;
};

struct OutboxCounts {
  std::int64_t queued = 0;  // not yet sent, including those failing
  std::int64_t sent = 0;
  std::int64_t failing = 0;  // not yet sent and at least one attempt failed
};

struct RetrySchedule {
  std::int64_t attempts = 0;  // including the one just failed
  Timestamp next_attempt_at;
};

// Validates (std::invalid_argument) and inserts; returns the new id. It opens no transaction of its
// own: inside the caller's, the mail exists only if the caller commits.
std::int64_t enqueue(store::Database& db, const OutgoingMail& mail, Timestamp now);

// Unsent mail whose next attempt is due at now, oldest appointment first.
std::vector<QueuedMail> due(store::Database& db, Timestamp now, std::size_t limit);

// Takes a due mail for one sender by pushing its next attempt to lease_until; false when another
// worker took it first (or it was sent meanwhile). Two processes sharing a database thus never send the
// same mail at once, and a sender that dies mid-send leaves it to be retried when the lease ends.
bool claim(store::Database& db, std::int64_t id, Timestamp now, Timestamp lease_until);

void mark_sent(store::Database& db, std::int64_t id, Timestamp now);

// Counts the failed attempt, keeps the error (one line, shortened) and schedules the next attempt
// after an exponential back-off. It never gives up: while SMTP is down nothing is lost.
RetrySchedule mark_failed(store::Database& db, std::int64_t id, std::string_view error, Timestamp now);

// An error as last_error keeps it, and as logs should show it: one line of printable ASCII, at most 500 characters.
std::string error_line(std::string_view error);

// 1 min after the first failure, doubling each time, at most 1 h.
std::chrono::seconds retry_delay(std::int64_t attempts);

OutboxCounts counts(store::Database& db);

}  // namespace att::mail
