// Accounts as stored: users, their roles, password hashes, second-factor secrets and recovery codes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/viewer.hpp"
#include "store/database.hpp"
#include "core/timestamp.hpp"

namespace att::auth {

struct StoredAccount {
  Account account;
  std::string position;
  std::string password_hash;
  std::optional<std::string> totp_secret;  // set during set-up, before it is enabled
  std::int64_t totp_last_step = 0;         // the last TOTP step accepted: older codes are refused
  std::string created_at;
};

struct NewAccount {
  std::string email;
  std::string name;
  std::string position;
  std::optional<std::string> state_iso3;
  std::string password_hash;
  std::set<Role> roles;
  std::string language = "en";  // of the mail the account receives
};

// "  Jane.Doe@Example.ORG " -> "jane.doe@example.org": one address, one account.
std::string normalize_email(std::string_view email);
// A plausible address: one @, something on both sides, a dot in the domain, no spaces, <= 254 bytes.
bool looks_like_email(std::string_view email);

std::int64_t create_account(store::Database& db, const NewAccount& account, Timestamp now);
std::optional<StoredAccount> find_account(store::Database& db, std::int64_t id);
std::optional<StoredAccount> find_account_by_email(store::Database& db, std::string_view email);
std::vector<StoredAccount> list_accounts(store::Database& db);

void set_password_hash(store::Database& db, std::int64_t id, const std::string& hash, Timestamp now);
void set_active(store::Database& db, std::int64_t id, bool active, Timestamp now);
void set_roles(store::Database& db, std::int64_t id, const std::set<Role>& roles, Timestamp now);
void set_totp_secret(store::Database& db, std::int64_t id, const std::optional<std::string>& secret, bool enabled,
                     Timestamp now);
void set_totp_last_step(store::Database& db, std::int64_t id, std::int64_t step);

// Replaces the account's recovery codes with these digests.
void replace_recovery_codes(store::Database& db, std::int64_t id, const std::vector<std::string>& code_digests);
// Marks the code used and returns true if it was a valid unused one.
bool use_recovery_code(store::Database& db, std::int64_t id, const std::string& code_digest, Timestamp now);
std::int64_t unused_recovery_codes(store::Database& db, std::int64_t id);

}  // namespace att::auth
