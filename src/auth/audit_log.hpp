// The append-only audit log. Each entry carries the hash of the one before it, so that a
// changed, removed or reordered entry breaks the chain and `att audit verify` finds it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/csv_writer.hpp"
#include "store/database.hpp"
#include "core/timestamp.hpp"

namespace att::auth {

struct AuditEntry {
  std::optional<std::int64_t> actor_user_id;
  std::string actor;   // e-mail of the actor, "anonymous" or "system"
  std::string action;  // sign_in, sign_in_failed, registration_approved, role_changed, ...
  std::string target;  // what it was done to: "user:12", "registration:4", "report:FRA/2024"
  std::string detail;
  std::string ip;
};

struct AuditRecord {
  std::int64_t seq = 0;
  std::string at;
  AuditEntry entry;
  std::string prev_hash;
  std::string hash;
};

// What an entry records as the e-mail address a person typed (a failed sign-in, a registration):
// the address when it looks like one (looks_like_email), else this neutral marker, so that
// whatever was typed never reaches the log, its page or its CSV as it was.
inline constexpr std::string_view not_an_email_address = "(not an e-mail address)";
std::string email_for_audit(std::string_view given);

// Inside the caller's transaction, so the entry stands or falls with the change it records.
void append_audit(store::Database& db, const AuditEntry& entry, Timestamp now);
// In a transaction of its own (for events that change nothing else, like a failed sign-in).
void record_audit(store::Database& db, const AuditEntry& entry, Timestamp now);

// Newest first; `before_seq` pages back.
std::vector<AuditRecord> read_audit(store::Database& db, std::size_t limit,
                                    std::optional<std::int64_t> before_seq = std::nullopt);
std::vector<AuditRecord> read_all_audit(store::Database& db);  // oldest first

// The entries as CSV, a header row first: the site's download and `att audit export`.
std::string audit_csv(const std::vector<AuditRecord>& records, io::CsvFor reader);

struct AuditVerification {
  bool intact = true;
  std::int64_t entries = 0;
  std::optional<std::int64_t> first_bad_seq;
  std::string problem;
};
AuditVerification verify_audit(store::Database& db);

}  // namespace att::auth
