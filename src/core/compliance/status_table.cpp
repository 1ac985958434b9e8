#include "core/compliance/status_table.hpp"

namespace att::compliance {

namespace {

void count(const StatusRow& row, StatusTotals& totals) {
  ++totals.expected;
  switch (row.status.timeliness) {
    case Timeliness::on_time: ++totals.on_time; break;
    case Timeliness::within_grace: ++totals.within_grace; break;
    case Timeliness::late: ++totals.late; break;
    case Timeliness::overdue: ++totals.overdue; break;
    case Timeliness::not_yet_due: ++totals.not_yet_due; break;
  }
  if (!row.status.submitted()) return;
  ++totals.submitted;
  if (row.status.amended()) ++totals.amended;
  if (row.visibility == reports::Visibility::public_report) ++totals.public_reports;
  if (row.visibility == reports::Visibility::restricted) ++totals.restricted;
  if (row.nil.value_or(false)) ++totals.nil;
}

// The newest version standing on the date: the one a reader of that day saw.
const VersionFacts* standing_version(const std::vector<VersionFacts>& versions, Date as_of) {
  const VersionFacts* newest = nullptr;
  for (const auto& version : versions) {
    const bool standing =
        version.dates.received <= as_of && (!version.dates.recalled_on || *version.dates.recalled_on > as_of);
    if (standing && (!newest || version.version_no > newest->version_no)) newest = &version;
  }
  return newest;
}

}  // namespace

StatusTable status_table(const StatesRegister& states_register, std::optional<int> year, Date as_of,
                         const ObligationRules& rules, const std::map<std::string, std::vector<VersionFacts>>& versions) {
  static const std::vector<VersionFacts> none;
  StatusTable table;
  for (const auto& state : states_register.states()) {
    const auto obligation =
        year ? annual_obligation(state, *year, as_of, rules) : initial_obligation(state, as_of);
    if (!obligation) continue;
    const auto found = versions.find(state.iso3);
    const auto& facts = found == versions.end() ? none : found->second;
    std::vector<ReceivedVersion> dates;
    for (const auto& version : facts) dates.push_back(version.dates);
    StatusRow row{&state, *obligation, status_on(*obligation, dates, as_of, rules), std::nullopt, std::nullopt};
    if (const auto* standing = standing_version(facts, as_of)) {
      row.visibility = standing->visibility;
      row.nil = standing->nil;
    }
    count(row, table.totals);
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace att::compliance
