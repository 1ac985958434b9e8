#include "core/participation.hpp"

namespace att {

std::vector<StateOnDate> states_on(const StatesRegister& states_register, Date as_of, const ParticipationFilter& filter) {
  std::vector<StateOnDate> result;
  for (const auto& state : states_register.states()) {
    if (filter.region && state.region != *filter.region) continue;
    const auto status = status_on(state, as_of);
    if (filter.participation && status.participation != *filter.participation) continue;
    result.push_back({&state, status});
  }
  return result;
}

void ParticipationCounts::add(const StateStatus& status) {
  switch (status.participation) {
    case Participation::party: ++party; break;
    case Participation::signatory: ++signatory; break;
    case Participation::none: ++none; break;
  }
  if (status.in_force) ++in_force;
}

ParticipationSummary summarise(const std::vector<StateOnDate>& states) {
  ParticipationSummary summary;
  for (const auto& [state, status] : states) {
    summary.all.add(status);
    summary.by_region[state->region].add(status);
  }
  return summary;
}

}  // namespace att
