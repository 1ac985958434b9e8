#include "core/compliance/overdue.hpp"

#include "core/compliance/status_history.hpp"

namespace att::compliance {

namespace {

bool kept(const StatusRow& row, const OverdueSelection& selection) {
  if (row.status.timeliness != Timeliness::overdue) return false;
  if (selection.kind && row.obligation.kind != *selection.kind) return false;
  return !selection.year || (row.obligation.kind == ReportKind::annual && row.obligation.year == *selection.year);
}

}  // namespace

std::vector<StateOverdue> overdue_states(const StatesRegister& states_register, Date as_of,
                                         const ObligationRules& rules, const ReportFacts& facts,
                                         const OverdueSelection& selection) {
  std::vector<StateOverdue> states;
  for (const auto& state : states_register.states()) {
    StateOverdue owed{&state, {}};
    for (auto& row : state_history(state, as_of, rules, facts))
      if (kept(row, selection)) owed.overdue.push_back(std::move(row));
    if (!owed.overdue.empty()) states.push_back(std::move(owed));
  }
  return states;
}

}  // namespace att::compliance
