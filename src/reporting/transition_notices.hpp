// Mail on each transition of a report version (submit, amend, recall): the reporting officers of
// the State concerned are told, each in the language of their account, with the version, the
// date received and the receipt's hash. Only that State's own officers are told, so a restricted
// report or a recall reaches no one who may not know of it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "core/reports/version_lifecycle.hpp"
#include "core/states_register.hpp"
#include "store/database.hpp"
#include "text/catalog.hpp"

namespace att::reporting {

struct TransitionNotice {
  reports::Transition transition = reports::Transition::submit;
  std::string state;            // ISO3
  std::optional<int> year;      // the annual report's year; none for the initial report
  std::int64_t version_no = 0;  // the version submitted, or the one recalled
  std::string received;         // YYYY-MM-DD
  std::string content_hash;
  std::string reason;           // why it was recalled
};

// Where notices point to and what they are written with.
struct NoticeWriter {
  const text::Catalog& catalog;
  const StatesRegister& states;
  std::string public_url;  // https://… without a trailing slash
};

// Queues one mail per active reporting officer of the State, inside the caller's transaction:
// nothing is sent if the transition is rolled back. Returns how many were queued.
std::size_t notify(store::Database& db, const NoticeWriter& writer, const TransitionNotice& notice);

}  // namespace att::reporting
