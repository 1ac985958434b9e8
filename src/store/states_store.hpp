// The States register as stored in the database.
#pragma once

#include "core/states_register.hpp"
#include "store/database.hpp"

namespace att::store {

struct RegisterSaveOutcome {
  std::size_t states_added = 0;
  std::size_t states_updated = 0;
  std::size_t aliases = 0;
};

// Adds new States and updates known ones in one transaction. A State missing from the
// register given is kept: later records (reports, contacts) may refer to it.
RegisterSaveOutcome save_register(Database& db, const StatesRegister& states_register);
StatesRegister load_register(Database& db);

}  // namespace att::store
