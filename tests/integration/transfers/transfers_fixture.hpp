// Reports of every kind the transfers database must tell apart (public, restricted, a restricted
// table in a public report, a draft, a recalled version, a superseded one and its amendment),
// and every kind of viewer, shared by the storage-level and the HTTP tests of transfers.
#pragma once

#include <map>
#include <set>
#include <string>

#include "auth/viewer.hpp"
#include "core/states_register.hpp"
#include "store/database.hpp"

namespace att::testing {

// Each kind of data has one line whose description is "kind <name> end" (and whose year is
// the kind's own), so that a text search for it hits that line only.
extern const std::map<std::string, int> year_of_kind;
std::string description_of_kind(const std::string& kind);
// The kind a description names, or "" for a line of no kind.
std::string kind_of_description(const std::string& description);

// FRA reports every kind (exports to DEU, imports from DEU for the restricted table); DEU
// reports one public import from FRA in 2018 (4 battle tanks where FRA reported 5).
void plant_every_kind(store::Database& db);

// The viewers of tests/integration/data/transfers_visibility.csv, by its names, as the web layer
// makes them on 27 November 2026.
std::map<std::string, auth::Viewer> transfer_viewers(const StatesRegister& states);

// For each viewer, the kinds it must see, from that file.
std::map<std::string, std::set<std::string>> expected_kinds();

}  // namespace att::testing
