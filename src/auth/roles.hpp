// The roles a person can hold on the platform; a user may hold several.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace att::auth {

enum class Role {
  observer,              // registered, reads public data only
  state_representative,  // speaks for one State: restricted area (party or signatory)
  reporting_officer,     // a representative who drafts and submits that State's reports
  chair,                 // working-group chair: announcements and consultations
  secretariat,           // ATT Secretariat: registrations, compliance, every report
  administrator,         // system administration: accounts and roles
};

inline constexpr std::array<Role, 6> all_roles{Role::observer,  Role::state_representative, Role::reporting_officer,
                                               Role::chair,     Role::secretariat,          Role::administrator};

std::string_view to_string(Role role);  // "state-representative", ...
std::optional<Role> role_from_string(std::string_view text);

// Roles whose holders must sign in with a second factor (TOTP) before they can act.
bool requires_second_factor(Role role);
// Roles tied to one State.
bool needs_state(Role role);

}  // namespace att::auth
