#include "auth/accounts_store.hpp"

#include <algorithm>
#include <cctype>

namespace att::auth {

namespace {

constexpr const char* account_columns =
    "SELECT id, email, name, position, state_iso3, password_hash, active, totp_secret, totp_enabled, totp_last_step,"
    " created_at FROM users";

std::set<Role> roles_of(store::Database& db, std::int64_t id) {
  std::set<Role> roles;
  for (const auto& row : db.query("SELECT role FROM user_roles WHERE user_id = $1", {id})) {
    if (const auto role = role_from_string(row.text(0))) roles.insert(*role);
  }
  return roles;
}

StoredAccount from_row(store::Database& db, const store::Row& row) {
  StoredAccount stored;
  stored.account.id = row.integer(0);
  stored.account.email = row.text(1);
  stored.account.name = row.text(2);
  stored.position = row.text(3);
  stored.account.state_iso3 = row.optional_text(4);
  stored.password_hash = row.text(5);
  stored.account.active = row.integer(6) != 0;
  stored.totp_secret = row.optional_text(7);
  stored.account.totp_enabled = row.integer(8) != 0;
  stored.totp_last_step = row.integer(9);
  stored.created_at = row.text(10);
  stored.account.roles = roles_of(db, stored.account.id);
  return stored;
}

}  // namespace

std::string normalize_email(std::string_view email) {
  while (!email.empty() && std::isspace(static_cast<unsigned char>(email.front()))) email.remove_prefix(1);
  while (!email.empty() && std::isspace(static_cast<unsigned char>(email.back()))) email.remove_suffix(1);
  std::string result(email);
  std::transform(result.begin(), result.end(), result.begin(), [](unsigned char c) { return std::tolower(c); });
  return result;
}

bool looks_like_email(std::string_view email) {
  if (email.empty() || email.size() > 254) return false;
  const auto at = email.find('@');
  if (at == 0 || at == std::string_view::npos || email.find('@', at + 1) != std::string_view::npos) return false;
  const auto domain = email.substr(at + 1);
  const auto dot = domain.find('.');
  if (dot == std::string_view::npos || dot == 0 || domain.back() == '.') return false;
  // Characters that could add a recipient or break a header are refused here, before any mail is queued.
  return std::none_of(email.begin(), email.end(), [](unsigned char c) {
    return c <= ' ' || c == 0x7f || std::string_view(",;<>\"()\\").find(static_cast<char>(c)) != std::string_view::npos;
  });
}

std::int64_t create_account(store::Database& db, const NewAccount& account, Timestamp now) {
  const auto rows = db.query(
      "INSERT INTO users (email, name, position, state_iso3, password_hash, created_at, updated_at, language)"
      " VALUES ($1, $2, $3, $4, $5, $6, $6, $7) RETURNING id",
      {normalize_email(account.email), account.name, account.position, store::nullable(account.state_iso3),
       account.password_hash, now.iso(), account.language});
  const auto id = rows.at(0).integer(0);
  set_roles(db, id, account.roles, now);
  return id;
}

std::optional<StoredAccount> find_account(store::Database& db, std::int64_t id) {
  const auto rows = db.query(std::string(account_columns) + " WHERE id = $1", {id});
  if (rows.empty()) return std::nullopt;
  return from_row(db, rows.front());
}

std::optional<StoredAccount> find_account_by_email(store::Database& db, std::string_view email) {
  const auto rows = db.query(std::string(account_columns) + " WHERE email = $1", {normalize_email(email)});
  if (rows.empty()) return std::nullopt;
  return from_row(db, rows.front());
}

std::vector<StoredAccount> list_accounts(store::Database& db) {
  std::vector<StoredAccount> accounts;
  for (const auto& row : db.query(std::string(account_columns) + " ORDER BY email")) accounts.push_back(from_row(db, row));
  return accounts;
}

void set_password_hash(store::Database& db, std::int64_t id, const std::string& hash, Timestamp now) {
  db.execute("UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3", {hash, now.iso(), id});
}

void set_active(store::Database& db, std::int64_t id, bool active, Timestamp now) {
  db.execute("UPDATE users SET active = $1, updated_at = $2 WHERE id = $3", {std::int64_t{active ? 1 : 0}, now.iso(), id});
}

void set_roles(store::Database& db, std::int64_t id, const std::set<Role>& roles, Timestamp now) {
  db.execute("DELETE FROM user_roles WHERE user_id = $1", {id});
  for (const auto role : roles)
    db.execute("INSERT INTO user_roles (user_id, role) VALUES ($1, $2)", {id, std::string(to_string(role))});
  db.execute("UPDATE users SET updated_at = $1 WHERE id = $2", {now.iso(), id});
}

void set_totp_secret(store::Database& db, std::int64_t id, const std::optional<std::string>& secret, bool enabled,
                     Timestamp now) {
  db.execute("UPDATE users SET totp_secret = $1, totp_enabled = $2, totp_last_step = 0, updated_at = $3 WHERE id = $4",
             {store::nullable(secret), std::int64_t{enabled ? 1 : 0}, now.iso(), id});
}

void set_totp_last_step(store::Database& db, std::int64_t id, std::int64_t step) {
  db.execute("UPDATE users SET totp_last_step = $1 WHERE id = $2", {step, id});
}

void replace_recovery_codes(store::Database& db, std::int64_t id, const std::vector<std::string>& code_digests) {
  db.execute("DELETE FROM recovery_codes WHERE user_id = $1", {id});
  for (const auto& digest : code_digests)
    db.execute("INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)", {id, digest});
}

bool use_recovery_code(store::Database& db, std::int64_t id, const std::string& code_digest, Timestamp now) {
  const auto rows = db.query(
      "UPDATE recovery_codes SET used_at = $1 WHERE user_id = $2 AND code_hash = $3 AND used_at IS NULL"
      " RETURNING code_hash",
      {now.iso(), id, code_digest});
  return !rows.empty();
}

std::int64_t unused_recovery_codes(store::Database& db, std::int64_t id) {
  return db.query("SELECT COUNT(*) FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL", {id}).at(0).integer(0);
}

}  // namespace att::auth
