// An instant read back from a column the platform itself wrote: malformed text there means a
// damaged database, so it is an error rather than a value to guess at.
#pragma once

#include <string_view>

#include "core/timestamp.hpp"
#include "store/database.hpp"

namespace att::store {

inline Timestamp stored_timestamp(std::string_view text) {
  if (const auto parsed = Timestamp::parse(text)) return *parsed;
  throw DatabaseError("stored instant '" + std::string(text) + "' is not like 2026-11-27T03:26:10Z");
}

}  // namespace att::store
