#include "mail/secretariat_notices.hpp"

#include "auth/roles.hpp"
#include "mail/mail_text.hpp"

namespace att::mail {

std::size_t announce_secretariat_grant(store::Database& db, const text::Catalog& catalog, std::int64_t granted_user_id,
                                       const std::string& granted_by) {
  const auto granted = db.query("SELECT name, email FROM users WHERE id = $1", {granted_user_id});
  if (granted.empty()) return 0;
  const auto colleagues = db.query(
      "SELECT u.email, u.language FROM users u JOIN user_roles r ON r.user_id = u.id"
      " WHERE r.role = $1 AND u.active = 1 AND u.id <> $2 ORDER BY u.id",
      {std::string(to_string(auth::Role::secretariat)), granted_user_id});
  for (const auto& colleague : colleagues) {
    const auto language = language_from_code(colleague.text(1)).value_or(Language::en);
    queue_mail(db, catalog, language, "secretariat_granted", colleague.text(0),
               {{"name", granted.front().text(0)}, {"email", granted.front().text(1)}, {"by", granted_by}});
  }
  return colleagues.size();
}

}  // namespace att::mail
