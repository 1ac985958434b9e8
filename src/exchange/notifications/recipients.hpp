// The people notifications may be mailed to: every active account, each as the Viewer it would
// be when signed in today with its second factor given, so that what its mail may name is
// decided by the same audience rule as its pages.
#pragma once

#include <string>
#include <vector>

#include "auth/viewer.hpp"
#include "core/language.hpp"
#include "core/states_register.hpp"
#include "store/database.hpp"

namespace att::notifications {

struct Recipient {
  auth::Viewer viewer;  // user_id and email always set
  Language language = Language::en;
};

// Active accounts with an address mail can go to, in the order they were made.
std::vector<Recipient> recipients(store::Database& db, const StatesRegister& states_register, Date today);

}  // namespace att::notifications
