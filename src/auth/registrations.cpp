#include "auth/registrations.hpp"

#include "auth/accounts_store.hpp"
#include "auth/secrets.hpp"
#include "core/date.hpp"

namespace att::auth {

namespace {

constexpr const char* registration_columns =
    "SELECT id, email, name, position, state_iso3, requested_role, note, password_hash, language, status, created_at,"
    " confirmed_at, decision_reason FROM registrations";

std::optional<RegistrationStatus> status_from_string(std::string_view text) {
  for (const auto status : {RegistrationStatus::unconfirmed, RegistrationStatus::pending, RegistrationStatus::approved,
                            RegistrationStatus::rejected}) {
    if (to_string(status) == text) return status;
  }
  return std::nullopt;
}

Registration from_row(const store::Row& row) {
  Registration r;
  r.id = row.integer(0);
  r.application = {row.text(1), row.text(2), row.text(3), row.text(4),
                   role_from_string(row.text(5)).value_or(Role::observer), row.text(6), row.text(7), row.text(8)};
  r.status = status_from_string(row.text(9)).value_or(RegistrationStatus::unconfirmed);
  r.created_at = row.text(10);
  r.confirmed_at = row.optional_text(11);
  r.decision_reason = row.text(12);
  return r;
}

}  // namespace

std::string_view to_string(RegistrationStatus status) {
  switch (status) {
    case RegistrationStatus::unconfirmed: return "unconfirmed";
    case RegistrationStatus::pending: return "pending";
    case RegistrationStatus::approved: return "approved";
    case RegistrationStatus::rejected: return "rejected";
  }
  return "unconfirmed";
}

std::string create_registration(store::Database& db, const Application& a, std::chrono::system_clock::time_point now,
                                std::int64_t* id) {
  const auto token = random_token();
  const auto rows = db.query(
      "INSERT INTO registrations (email, name, position, state_iso3, requested_role, note, password_hash, language,"
      " status, confirm_token_hash, confirm_expires_at, created_at)"
      " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'unconfirmed', $9, $10, $11) RETURNING id",
      {normalize_email(a.email), a.name, a.position, a.state_iso3, std::string(to_string(a.requested_role)), a.note,
       a.password_hash, a.language, token_digest(token), utc_timestamp(now + std::chrono::hours(48)),
       utc_timestamp(now)});
  if (id) *id = rows.at(0).integer(0);
  return token;
}

std::optional<Registration> confirm_registration(store::Database& db, const std::string& token,
                                                 std::chrono::system_clock::time_point now) {
  if (token.empty() || token.size() > 128) return std::nullopt;
  const auto now_text = utc_timestamp(now);
  // The token works once: confirming clears it.
  const auto rows = db.query(
      "UPDATE registrations SET status = 'pending', confirmed_at = $1, confirm_token_hash = NULL"
      " WHERE confirm_token_hash = $2 AND status = 'unconfirmed' AND confirm_expires_at > $1 RETURNING id",
      {now_text, token_digest(token)});
  if (rows.empty()) return std::nullopt;
  return find_registration(db, rows.front().integer(0));
}

std::optional<Registration> find_registration(store::Database& db, std::int64_t id) {
  const auto rows = db.query(std::string(registration_columns) + " WHERE id = $1", {id});
  if (rows.empty()) return std::nullopt;
  return from_row(rows.front());
}

std::vector<Registration> registrations_with_status(store::Database& db, RegistrationStatus status) {
  std::vector<Registration> result;
  for (const auto& row : db.query(std::string(registration_columns) + " WHERE status = $1 ORDER BY created_at, id",
                                  {std::string(to_string(status))}))
    result.push_back(from_row(row));
  return result;
}

bool decide_registration(store::Database& db, std::int64_t id, bool approve, std::int64_t decided_by,
                         const std::string& reason, Timestamp now) {
  return !db.query(
                "UPDATE registrations SET status = $1, decided_by = $2, decided_at = $3, decision_reason = $4"
                " WHERE id = $5 AND status = 'pending' RETURNING id",
                {std::string(approve ? "approved" : "rejected"), decided_by, now.iso(), reason, id})
              .empty();
}

}  // namespace att::auth
