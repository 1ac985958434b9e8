// The mail_outbox table: queueing, finding due mail, claiming, and recording outcomes.
#include "mail/outbox.hpp"

#include <algorithm>

#include "store/stored_timestamp.hpp"

namespace att::mail {

// last_error is shown to operators on one line: an SMTP server's multi-line answer is flattened and
// a runaway message cut. Only printable ASCII is kept, because a server's bytes need not be valid
// UTF-8 and PostgreSQL refuses invalid UTF-8 in a TEXT column.
std::string error_line(std::string_view error) {
  std::string line(error.substr(0, 500));
  for (auto& c : line) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f)
      c = ' ';
    else if (byte > 0x7f)
      c = '?';
  }
  return line;
}

std::int64_t enqueue(store::Database& db, const OutgoingMail& mail, Timestamp now) {
  validate(mail);
  const auto rows = db.query(
      "INSERT INTO mail_outbox (to_address, subject, body_text, created_at, next_attempt_at) "
      "VALUES ($1, $2, $3, $4, $4) RETURNING id",
      {mail.to, mail.subject, mail.body_text, now.iso()});
  if (rows.empty()) throw store::DatabaseError("inserting into mail_outbox returned no id");
  return rows.front().integer(0);
}

std::vector<QueuedMail> due(store::Database& db, Timestamp now, std::size_t limit) {
  // Timestamps share one fixed-width format, so comparing them as text compares the instants.
  const auto rows = db.query(
      "SELECT id, to_address, subject, body_text, attempts, next_attempt_at FROM mail_outbox "
      "WHERE sent_at IS NULL AND next_attempt_at <= $1 ORDER BY next_attempt_at, id LIMIT $2",
      {now.iso(), static_cast<std::int64_t>(limit)});
  std::vector<QueuedMail> mails;
  mails.reserve(rows.size());
  for (const auto& row : rows)
    mails.push_back({row.integer(0), {row.text(1), row.text(2), row.text(3)}, row.integer(4), store::stored_timestamp(row.text(5))});
  return mails;
}

bool claim(store::Database& db, std::int64_t id, Timestamp now, Timestamp lease_until) {
  // One conditional UPDATE: PostgreSQL re-checks the WHERE after waiting for a concurrent claimer's
  // row lock, and SQLite serialises writers, so exactly one claimer sees the row come back.
  const auto rows = db.query(
      "UPDATE mail_outbox SET next_attempt_at = $3 "
      "WHERE id = $1 AND sent_at IS NULL AND next_attempt_at <= $2 RETURNING id",
      {id, now.iso(), lease_until.iso()});
  return !rows.empty();
}

void mark_sent(store::Database& db, std::int64_t id, Timestamp now) {
  db.execute("UPDATE mail_outbox SET sent_at = $2 WHERE id = $1", {id, now.iso()});
}

std::chrono::seconds retry_delay(std::int64_t attempts) {
  constexpr std::chrono::seconds first{60};
  constexpr std::chrono::seconds cap{3600};
  if (attempts <= 1) return first;
  // Past 2^6 minutes the cap applies anyway; stopping there keeps the shift from overflowing.
  const auto doublings = std::min<std::int64_t>(attempts - 1, 6);
  return std::min(cap, first * (std::int64_t{1} << doublings));
}

RetrySchedule mark_failed(store::Database& db, std::int64_t id, std::string_view error, Timestamp now) {
  const auto rows = db.query("SELECT attempts FROM mail_outbox WHERE id = $1", {id});
  if (rows.empty()) throw store::DatabaseError("mail " + std::to_string(id) + " is not in the outbox");
  const auto attempts = rows.front().integer(0) + 1;
  const auto next_attempt_at = now.plus(retry_delay(attempts));
  db.execute("UPDATE mail_outbox SET attempts = $2, next_attempt_at = $3, last_error = $4 WHERE id = $1",
             {id, attempts, next_attempt_at.iso(), error_line(error)});
  return {attempts, next_attempt_at};
}

OutboxCounts counts(store::Database& db) {
  const auto rows = db.query(
      "SELECT COALESCE(SUM(CASE WHEN sent_at IS NULL THEN 1 ELSE 0 END), 0), "
      "COALESCE(SUM(CASE WHEN sent_at IS NOT NULL THEN 1 ELSE 0 END), 0), "
      "COALESCE(SUM(CASE WHEN sent_at IS NULL AND attempts > 0 THEN 1 ELSE 0 END), 0) FROM mail_outbox");
  if (rows.empty()) return {};
  return {rows.front().integer(0), rows.front().integer(1), rows.front().integer(2)};
}

}  // namespace att::mail
