// Reporting status over the years: the totals of each reporting year as known on a date (the
// trend the working group follows), and every obligation of one State with where it stands (the
// history shown for that State).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/compliance/status_table.hpp"

namespace att::compliance {

struct YearTotals {
  int year = 0;
  StatusTotals totals;
  std::map<std::string, StatusTotals> regions;  // by region name
};

// The calendar years an annual report may be owed for on `as_of`: from the first reporting year
// under these rules to the last year that has ended (empty before the first has ended).
std::vector<int> reporting_years(Date as_of, const ObligationRules& rules);

// One entry per reporting year, oldest first.
std::vector<YearTotals> status_history(const StatesRegister& states_register, Date as_of, const ObligationRules& rules,
                                       const ReportFacts& facts);

// Every report the State owes on `as_of` (the initial report, then each annual report by year),
// with where each stands; empty for a State that is no party on that date or whose dates are not
// known.
std::vector<StatusRow> state_history(const StateRecord& state, Date as_of, const ObligationRules& rules,
                                     const ReportFacts& facts);

}  // namespace att::compliance
