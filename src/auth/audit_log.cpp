#include "auth/audit_log.hpp"

#include <nlohmann/json.hpp>

#include "auth/accounts_store.hpp"
#include "auth/secrets.hpp"

namespace att::auth {

namespace {

constexpr const char* genesis_hash = "0000000000000000000000000000000000000000000000000000000000000000";

// The hashed text: a JSON array, so no field can run into the next.
std::string chained_hash(std::int64_t seq, const std::string& at, const AuditEntry& e, const std::string& prev_hash) {
  const nlohmann::json fields = {seq,      at,       e.actor_user_id ? nlohmann::json(*e.actor_user_id) : nullptr,
                                 e.actor,  e.action, e.target,
                                 e.detail, e.ip,     prev_hash};
  return token_digest(fields.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

AuditRecord from_row(const store::Row& row) {
  AuditRecord record;
  record.seq = row.integer(0);
  record.at = row.text(1);
  if (!row.is_null(2)) record.entry.actor_user_id = row.integer(2);
  record.entry.actor = row.text(3);
  record.entry.action = row.text(4);
  record.entry.target = row.text(5);
  record.entry.detail = row.text(6);
  record.entry.ip = row.text(7);
  record.prev_hash = row.text(8);
  record.hash = row.text(9);
  return record;
}

constexpr const char* audit_columns =
    "SELECT seq, at, actor_user_id, actor, action, target, detail, ip, prev_hash, hash FROM audit_log";

}  // namespace

std::string email_for_audit(std::string_view given) {
  return std::string(looks_like_email(given) ? given : not_an_email_address);
}

void append_audit(store::Database& db, const AuditEntry& entry, Timestamp now) {
  // Writers must take turns to extend the chain: SQLite's write lock already orders them;
  // PostgreSQL needs a lock of its own.
  if (db.dialect() == store::Dialect::postgres) db.query("SELECT pg_advisory_xact_lock(7247002)");
  const auto last = db.query("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
  const std::int64_t seq = last.empty() ? 1 : last.front().integer(0) + 1;
  const std::string prev_hash = last.empty() ? genesis_hash : last.front().text(1);
  db.execute(
      "INSERT INTO audit_log (seq, at, actor_user_id, actor, action, target, detail, ip, prev_hash, hash)"
      " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
      {seq, now.iso(), entry.actor_user_id ? store::Value(*entry.actor_user_id) : store::Value(nullptr), entry.actor,
       entry.action, entry.target, entry.detail, entry.ip, prev_hash, chained_hash(seq, now.iso(), entry, prev_hash)});
}

void record_audit(store::Database& db, const AuditEntry& entry, Timestamp now) {
  store::Transaction transaction(db);
  append_audit(db, entry, now);
  transaction.commit();
}

std::vector<AuditRecord> read_audit(store::Database& db, std::size_t limit, std::optional<std::int64_t> before_seq) {
  std::vector<AuditRecord> records;
  const auto rows = db.query(std::string(audit_columns) + " WHERE seq < $1 ORDER BY seq DESC LIMIT $2",
                             {before_seq.value_or(INT64_MAX), static_cast<std::int64_t>(limit)});
  for (const auto& row : rows) records.push_back(from_row(row));
  return records;
}

std::vector<AuditRecord> read_all_audit(store::Database& db) {
  std::vector<AuditRecord> records;
  for (const auto& row : db.query(std::string(audit_columns) + " ORDER BY seq")) records.push_back(from_row(row));
  return records;
}

std::string audit_csv(const std::vector<AuditRecord>& records, io::CsvFor reader) {
  std::string out = io::csv_line({"seq", "at", "actor_user_id", "actor", "action", "target", "detail", "ip",
                                  "prev_hash", "hash"},
                                 reader);
  for (const auto& r : records)
    io::append_csv_line(out,
                        {std::to_string(r.seq), r.at, r.entry.actor_user_id ? std::to_string(*r.entry.actor_user_id) : "",
                         r.entry.actor, r.entry.action, r.entry.target, r.entry.detail, r.entry.ip, r.prev_hash,
                         r.hash},
                        reader);
  return out;
}

AuditVerification verify_audit(store::Database& db) {
  AuditVerification result;
  std::string expected_prev = genesis_hash;
  std::int64_t expected_seq = 1;
  for (const auto& record : read_all_audit(db)) {
    ++result.entries;
    std::string problem;
    if (record.seq != expected_seq) problem = "entry " + std::to_string(expected_seq) + " is missing";
    else if (record.prev_hash != expected_prev) problem = "the link to the previous entry is broken";
    else if (record.hash != chained_hash(record.seq, record.at, record.entry, record.prev_hash))
      problem = "the entry was changed after it was written";
    if (!problem.empty()) {
      result.intact = false;
      result.first_bad_seq = record.seq;
      result.problem = problem;
      return result;
    }
    expected_prev = record.hash;
    ++expected_seq;
  }
  return result;
}

}  // namespace att::auth
