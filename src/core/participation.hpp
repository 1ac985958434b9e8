// The register seen on one date: each State's status, filtered, and counted by region.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/states_register.hpp"

namespace att {

struct StateOnDate {
  const StateRecord* state;
  StateStatus status;
};

struct ParticipationFilter {
  std::optional<std::string> region;
  std::optional<Participation> participation;
};

// In register order (by ISO3 code).
std::vector<StateOnDate> states_on(const StatesRegister& states_register, Date as_of,
                                   const ParticipationFilter& filter = {});

struct ParticipationCounts {
  int party = 0;
  int signatory = 0;
  int none = 0;
  int in_force = 0;
  [[nodiscard]] int total() const { return party + signatory + none; }
  void add(const StateStatus& status);
};

struct ParticipationSummary {
  ParticipationCounts all;
  std::map<std::string, ParticipationCounts> by_region;
};

ParticipationSummary summarise(const std::vector<StateOnDate>& states);

}  // namespace att
