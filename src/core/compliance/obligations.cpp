#include "core/compliance/obligations.hpp"

namespace att::compliance {

namespace {

// The EIF that binds the State as known on `as_of`: none if it is no party on that day.
std::optional<Date> binding_eif(const StateRecord& state, Date as_of) {
  if (status_on(state, as_of).participation != Participation::party) return std::nullopt;
  return state.entry_into_force();
}

}  // namespace

std::string_view to_string(ReportKind kind) { return kind == ReportKind::initial ? "initial" : "annual"; }

int first_reporting_year(const ObligationRules& rules) {
  constexpr int treaty_entry_into_force_year = 2014;
  return rules.first_year_is_first_full_year ? treaty_entry_into_force_year + 1 : treaty_entry_into_force_year;
}

Date initial_report_due(Date entry_into_force) {
  // The first year of a State bound from 29 February ends on 28 February: the anniversary of
  // that day is taken as 1 March.
  if (entry_into_force.month() == 2 && entry_into_force.day() == 29)
    return Date::from_ymd(entry_into_force.year() + 1, 2, 28);
  return entry_into_force.plus_years(1).plus_days(-1);
}

int first_annual_year(Date entry_into_force, const ObligationRules& rules) {
  if (!rules.first_year_is_first_full_year) return entry_into_force.year();
  // Bound from 1 January, a State reports on that very year.
  const bool from_new_year = entry_into_force.month() == 1 && entry_into_force.day() == 1;
  return from_new_year ? entry_into_force.year() : entry_into_force.year() + 1;
}

Date annual_report_due(int year, const ObligationRules& rules) {
  return Date::from_ymd(year + 1, rules.annual_due_month, rules.annual_due_day);
}

std::optional<Obligation> initial_obligation(const StateRecord& state, Date as_of) {
  const auto eif = binding_eif(state, as_of);
  if (!eif) return std::nullopt;
  return Obligation{ReportKind::initial, 0, initial_report_due(*eif)};
}

std::optional<Obligation> annual_obligation(const StateRecord& state, int year, Date as_of,
                                            const ObligationRules& rules) {
  const auto eif = binding_eif(state, as_of);
  if (!eif || year < first_annual_year(*eif, rules)) return std::nullopt;
  return Obligation{ReportKind::annual, year, annual_report_due(year, rules)};
}

StateObligations obligations_on(const StateRecord& state, Date as_of, const ObligationRules& rules) {
  StateObligations result;
  result.party = status_on(state, as_of).participation == Participation::party;
  if (!result.party) return result;
  result.entry_into_force = state.entry_into_force();
  if (!result.entry_into_force) return result;
  result.owed.push_back({ReportKind::initial, 0, initial_report_due(*result.entry_into_force)});
  for (int year = first_annual_year(*result.entry_into_force, rules); year < as_of.year(); ++year)
    result.owed.push_back({ReportKind::annual, year, annual_report_due(year, rules)});
  return result;
}

}  // namespace att::compliance
