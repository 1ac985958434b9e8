#include "core/compliance/status_changes.hpp"

#include <map>

#include "core/compliance/status_history.hpp"

namespace att::compliance {

namespace {

// What a reader of the status table would see differ; whether a report is a nil report changes
// only with a new version, which `versions` already tells.
bool differ(const StatusRow& before, const StatusRow& after) {
  return before.status.timeliness != after.status.timeliness || before.status.versions != after.status.versions ||
         before.status.first_received != after.status.first_received || before.visibility != after.visibility;
}

void compare_report(const StatesRegister& states_register, std::optional<int> year, Date before, Date after,
                    const ObligationRules& rules, const ReportFacts& facts, StatusComparison& comparison) {
  const auto& versions = facts.of(year);
  auto then = status_table(states_register, year, before, rules, versions);
  auto now = status_table(states_register, year, after, rules, versions);
  const auto kind = year ? ReportKind::annual : ReportKind::initial;
  comparison.reports.push_back({kind, year.value_or(0), then.totals, now.totals});
  std::map<const StateRecord*, StatusRow> earlier;
  for (auto& row : then.rows) earlier.emplace(row.state, std::move(row));
  // Both tables follow the register's order, so walking it keeps the changes in that order.
  std::map<const StateRecord*, StatusRow> later;
  for (auto& row : now.rows) later.emplace(row.state, std::move(row));
  for (const auto& state : states_register.states()) {
    const auto was = earlier.find(&state);
    const auto is = later.find(&state);
    const bool owed_before = was != earlier.end(), owed_after = is != later.end();
    if (!owed_before && !owed_after) continue;
    if (owed_before && owed_after && !differ(was->second, is->second)) continue;
    StatusChange change{&state, kind, year.value_or(0), std::nullopt, std::nullopt};
    if (owed_before) change.before = was->second;
    if (owed_after) change.after = is->second;
    comparison.changes.push_back(std::move(change));
  }
}

}  // namespace

StatusComparison compare_status(const StatesRegister& states_register, Date before, Date after,
                                const ObligationRules& rules, const ReportFacts& facts) {
  StatusComparison comparison;
  compare_report(states_register, std::nullopt, before, after, rules, facts, comparison);
  for (const int year : reporting_years(after < before ? before : after, rules))
    compare_report(states_register, year, before, after, rules, facts, comparison);
  return comparison;
}

}  // namespace att::compliance
