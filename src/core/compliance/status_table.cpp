#include "core/compliance/status_table.hpp"

namespace att::compliance {

namespace {

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

const VersionsByState& ReportFacts::of(std::optional<int> year) const {
  static const VersionsByState none;
  if (!year) return initial;
  const auto found = annual.find(*year);
  return found == annual.end() ? none : found->second;
}

void add_to_totals(const StatusRow& row, StatusTotals& totals) {
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

StatusRow status_row(const StateRecord& state, const Obligation& obligation, Date as_of, const ObligationRules& rules,
                     const std::vector<VersionFacts>& versions) {
  std::vector<ReceivedVersion> dates;
  dates.reserve(versions.size());
  for (const auto& version : versions) dates.push_back(version.dates);
  StatusRow row{&state, obligation, status_on(obligation, dates, as_of, rules), std::nullopt, std::nullopt};
  if (const auto* standing = standing_version(versions, as_of)) {
    row.visibility = standing->visibility;
    row.nil = standing->nil;
  }
  return row;
}

std::map<std::string, StatusTotals> totals_by_region(const StatusTable& table) {
  std::map<std::string, StatusTotals> regions;
  for (const auto& row : table.rows) add_to_totals(row, regions[row.state->region]);
  return regions;
}

StatusTable status_table(const StatesRegister& states_register, std::optional<int> year, Date as_of,
                         const ObligationRules& rules, const std::map<std::string, std::vector<VersionFacts>>& versions) {
  static const std::vector<VersionFacts> none;
  StatusTable table;
  for (const auto& state : states_register.states()) {
    const auto obligation =
        year ? annual_obligation(state, *year, as_of, rules) : initial_obligation(state, as_of);
    if (!obligation) continue;
    const auto found = versions.find(state.iso3);
    auto row = status_row(state, *obligation, as_of, rules, found == versions.end() ? none : found->second);
    add_to_totals(row, table.totals);
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace att::compliance
