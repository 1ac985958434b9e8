#include "core/compliance/status_history.hpp"

namespace att::compliance {

std::vector<int> reporting_years(Date as_of, const ObligationRules& rules) {
  std::vector<int> years;
  for (int year = first_reporting_year(rules); year < as_of.year(); ++year) years.push_back(year);
  return years;
}

std::vector<YearTotals> status_history(const StatesRegister& states_register, Date as_of, const ObligationRules& rules,
                                       const ReportFacts& facts) {
  std::vector<YearTotals> history;
  for (const int year : reporting_years(as_of, rules)) {
    const auto table = status_table(states_register, year, as_of, rules, facts.of(year));
    history.push_back({year, table.totals, totals_by_region(table)});
  }
  return history;
}

std::vector<StatusRow> state_history(const StateRecord& state, Date as_of, const ObligationRules& rules,
                                     const ReportFacts& facts) {
  static const std::vector<VersionFacts> none;
  std::vector<StatusRow> rows;
  for (const auto& obligation : obligations_on(state, as_of, rules).owed) {
    const auto& by_state =
        facts.of(obligation.kind == ReportKind::initial ? std::nullopt : std::optional(obligation.year));
    const auto found = by_state.find(state.iso3);
    rows.push_back(status_row(state, obligation, as_of, rules, found == by_state.end() ? none : found->second));
  }
  return rows;
}

}  // namespace att::compliance
