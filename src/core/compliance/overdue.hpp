// The reports each State has let fall overdue on a date: what a reminder letter lists.
#pragma once

#include <optional>
#include <vector>

#include "core/compliance/status_table.hpp"

namespace att::compliance {

// Which overdue reports count: all, or only one year's annual report, or only one kind.
struct OverdueSelection {
  std::optional<int> year;
  std::optional<ReportKind> kind;
};

struct StateOverdue {
  const StateRecord* state = nullptr;
  std::vector<StatusRow> overdue;  // the initial report first, then by year
};

// Every State with at least one overdue report on `as_of` that the selection keeps, in the
// register's order.
std::vector<StateOverdue> overdue_states(const StatesRegister& states_register, Date as_of,
                                         const ObligationRules& rules, const ReportFacts& facts,
                                         const OverdueSelection& selection = {});

}  // namespace att::compliance
