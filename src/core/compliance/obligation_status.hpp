// Where one obligation stands on a date, from the versions received for it. "On date D" means
// what was known on D: only versions received by D count, and a version recalled later still
// counted on D. So a past status can be reproduced exactly, and compared with today's.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/compliance/obligations.hpp"
#include "core/date.hpp"

namespace att::compliance {

enum class Timeliness {
  not_yet_due,   // nothing received, the deadline not passed
  on_time,       // first received by the deadline
  within_grace,  // first received within the grace period after it
  late,          // first received after the grace period
  overdue,       // nothing received, the deadline passed
};
std::string_view to_string(Timeliness timeliness);

// One submitted version of the report: when it was received, and when it was recalled, if ever.
struct ReceivedVersion {
  Date received;
  std::optional<Date> recalled_on;
};

struct ObligationStatus {
  Timeliness timeliness = Timeliness::not_yet_due;
  std::optional<Date> first_received;  // the version that counts for timeliness
  int versions = 0;                    // standing on the date (not recalled by then)
  int days_late = 0;                   // after the deadline: received late, or still overdue
  [[nodiscard]] bool submitted() const { return first_received.has_value(); }
  [[nodiscard]] bool amended() const { return versions > 1; }
};

ObligationStatus status_on(const Obligation& obligation, const std::vector<ReceivedVersion>& versions, Date as_of,
                           const ObligationRules& rules);

}  // namespace att::compliance
