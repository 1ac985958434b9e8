// The reports a State Party owes under Article 13, computed from the register: the initial
// report, due one year less a day after entry into force (EIF), and an annual report for each
// calendar year from the first full calendar year after EIF, due on 31 May of the next year.
// The first-year rule, the deadline and the grace period are configuration.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/state_record.hpp"

namespace att::compliance {

enum class ReportKind { initial, annual };
std::string_view to_string(ReportKind kind);  // "initial" / "annual"

struct ObligationRules {
  unsigned annual_due_month = 5;  // 31 May of the year after the one reported on
  unsigned annual_due_day = 31;
  int grace_days = 7;  // received up to 7 June still counts as within the grace period
  // The first annual report covers the first full calendar year after EIF (EIF on 24 December
  // 2014: 2015). When false, the year of EIF itself.
  bool first_year_is_first_full_year = true;
};

struct Obligation {
  ReportKind kind = ReportKind::annual;
  int year = 0;  // the calendar year an annual report covers; 0 for the initial report
  Date due;
};

// What the register says of a State's obligations on a date. A State that is no party on that
// date owes nothing; a party whose deposit date is not known owes reports that cannot be dated.
struct StateObligations {
  bool party = false;
  std::optional<Date> entry_into_force;  // none: a party whose dates are not known
  std::vector<Obligation> owed;          // the initial report, then each annual report by year
  [[nodiscard]] bool dates_unknown() const { return party && !entry_into_force; }
};

// The first calendar year any State can owe an annual report for under these rules: the treaty
// bound its first parties from 24 December 2014, so 2015 (2014 when the year of EIF counts).
int first_reporting_year(const ObligationRules& rules);

Date initial_report_due(Date entry_into_force);
int first_annual_year(Date entry_into_force, const ObligationRules& rules);
Date annual_report_due(int year, const ObligationRules& rules);

// The initial report and the annual reports of every calendar year that has ended on `as_of`
// (a year still running owes nothing yet), as known on `as_of`.
StateObligations obligations_on(const StateRecord& state, Date as_of, const ObligationRules& rules);

// The annual report for `year`, if the State owes one (as known on `as_of`): it may not be due yet.
std::optional<Obligation> annual_obligation(const StateRecord& state, int year, Date as_of, const ObligationRules& rules);
std::optional<Obligation> initial_obligation(const StateRecord& state, Date as_of);

}  // namespace att::compliance
