#include "auth/roles.hpp"

namespace att::auth {

std::string_view to_string(Role role) {
  switch (role) {
    case Role::observer: return "observer";
    case Role::state_representative: return "state-representative";
    case Role::reporting_officer: return "reporting-officer";
    case Role::chair: return "chair";
    case Role::secretariat: return "secretariat";
    case Role::administrator: return "administrator";
  }
  return "observer";
}

std::optional<Role> role_from_string(std::string_view text) {
  for (const auto role : all_roles) {
    if (to_string(role) == text) return role;
  }
  return std::nullopt;
}

bool requires_second_factor(Role role) {
  return role == Role::secretariat || role == Role::administrator || role == Role::reporting_officer;
}

bool needs_state(Role role) { return role == Role::state_representative || role == Role::reporting_officer; }

}  // namespace att::auth
