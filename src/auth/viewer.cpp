#include "auth/viewer.hpp"

#include <algorithm>

namespace att::auth {

Viewer viewer_for(const Account& account, const StatesRegister& states_register, Date today, bool second_factor_done) {
  Viewer viewer;
  // Password given, code not yet: the person is not signed in at all.
  if (!account.active || (account.totp_enabled && !second_factor_done)) return viewer;
  viewer.user_id = account.id;
  viewer.email = account.email;
  viewer.name = account.name;
  viewer.state_iso3 = account.state_iso3;
  if (account.state_iso3) {
    if (const auto* state = states_register.find_by_code(*account.state_iso3)) {
      const auto participation = status_on(*state, today).participation;
      viewer.state_is_party = participation == Participation::party;
      viewer.state_is_signatory = participation == Participation::signatory;
    }
  }
  const bool needs_factor = std::any_of(account.roles.begin(), account.roles.end(), requires_second_factor);
  if (needs_factor && !account.totp_enabled) {
    viewer.must_set_up_second_factor = true;
    return viewer;  // no roles in effect until the second factor is set up
  }
  viewer.roles = account.roles;
  return viewer;
}

}  // namespace att::auth
