// What changed in reporting status between two dates, per State and report: the comparison with
// the previous status that the working group makes at each meeting (a report received, a deadline
// passed, an amendment, a recall, a visibility changed, a new party owing its first reports).
#pragma once

#include <optional>
#include <vector>

#include "core/compliance/status_table.hpp"

namespace att::compliance {

struct StatusChange {
  const StateRecord* state = nullptr;
  ReportKind kind = ReportKind::annual;
  int year = 0;                     // 0 for the initial report
  std::optional<StatusRow> before;  // none: the State did not owe the report on the first date
  std::optional<StatusRow> after;   // none: it no longer owes it on the second date
};

// The totals of one report on both dates.
struct ReportComparison {
  ReportKind kind = ReportKind::annual;
  int year = 0;
  StatusTotals before, after;
};

struct StatusComparison {
  std::vector<ReportComparison> reports;  // the initial report, then each reporting year
  std::vector<StatusChange> changes;      // in the same order, then in the register's order
};

// Compares the status of every report owed on either date; `before` should not be after `after`.
StatusComparison compare_status(const StatesRegister& states_register, Date before, Date after,
                                const ObligationRules& rules, const ReportFacts& facts);

}  // namespace att::compliance
