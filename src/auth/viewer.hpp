// Who is looking: anonymous, or a signed-in user with roles and a State. Every read and
// every action is decided for a Viewer, never for a bare user id.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>

#include "auth/roles.hpp"
#include "auth/token_scope.hpp"
#include "core/states_register.hpp"

namespace att::auth {

struct Viewer {
  std::optional<std::int64_t> user_id;  // none: anonymous
  std::string email;
  std::string name;
  std::set<Role> roles;  // the roles in effect now (none until a required second factor is done)
  std::optional<std::string> state_iso3;
  bool state_is_party = false;      // that State is a party on the day of the request
  bool state_is_signatory = false;  // signed, not (yet) a party
  // Holds a role that needs a second factor but has not set one up: may only do that.
  bool must_set_up_second_factor = false;
  // Set when the request came with an API token: the token's scope narrows what the roles allow.
  std::optional<TokenScope> token_scope;

  static Viewer anonymous() { return {}; }
  [[nodiscard]] bool is_anonymous() const { return !user_id; }
  [[nodiscard]] bool has(Role role) const { return roles.contains(role); }
};

struct Account {
  std::int64_t id = 0;
  std::string email;
  std::string name;
  std::set<Role> roles;
  std::optional<std::string> state_iso3;
  bool active = true;
  bool totp_enabled = false;
};

// The Viewer an account acts as today. Party status comes from the register on `today`, so a
// signatory that ratifies gains States Parties' access the day its deposit is recorded.
// `second_factor_done`: this session has passed the TOTP step (or the account has none).
Viewer viewer_for(const Account& account, const StatesRegister& states_register, Date today, bool second_factor_done);

}  // namespace att::auth
