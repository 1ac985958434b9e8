#include "reporting/points_of_contact.hpp"

#include "auth/roles.hpp"

namespace att::reporting {

PointOfContact point_of_contact(store::Database& db, const std::string& state) {
  const auto officers = db.query(
      "SELECT u.name, u.language, u.email FROM users u JOIN user_roles r ON r.user_id = u.id"
      " WHERE u.state_iso3 = $1 AND u.active = 1 AND r.role = $2 ORDER BY u.id",
      {state, std::string(to_string(auth::Role::reporting_officer))});
  PointOfContact contact;
  if (officers.empty()) return contact;
  contact.name = officers[0].text(0);
  contact.language = language_from_code(officers[0].text(1)).value_or(Language::en);
  for (const auto& officer : officers) contact.emails.push_back(officer.text(2));
  return contact;
}

}  // namespace att::reporting
