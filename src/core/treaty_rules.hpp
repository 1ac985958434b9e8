// The Arms Trade Treaty's own dates and the entry-into-force rule of Article 22.
#pragma once

#include "core/date.hpp"

namespace att::treaty {

// Opened for signature in New York.
inline Date opened_for_signature() { return Date::from_ymd(2013, 6, 3); }
// The treaty's own entry into force, 90 days after the fiftieth deposit.
inline Date entry_into_force() { return Date::from_ymd(2014, 12, 24); }

// Article 22: a State that deposits on or before the treaty's own entry into force is bound
// from that day; a later deposit takes effect on the ninetieth day after it.
Date entry_into_force_for_deposit(Date deposit);

}  // namespace att::treaty
