#include "web/reporting/state_obligations.hpp"

#include <algorithm>

#include "reporting/initial_reports_store.hpp"

namespace att::web {

namespace {

std::vector<compliance::ReceivedVersion> received_versions(const std::vector<reporting::VersionSummary>& versions) {
  std::vector<compliance::ReceivedVersion> received;
  for (const auto& version : versions) {
    if (!version.received) continue;
    received.push_back({*version.received,
                        version.recalled_at ? std::optional<Date>(version.recalled_at->date()) : std::nullopt});
  }
  return received;
}

}  // namespace

StateReports state_reports(store::Database& db, const auth::Viewer& viewer, const StateRecord& state, Date today,
                           const compliance::ObligationRules& rules) {
  const auto owed = compliance::obligations_on(state, today, rules);
  StateReports reports{owed.party, owed.dates_unknown(), std::nullopt, {},
                       reporting::drafts_of(db, viewer, state.iso3)};
  const auto has_draft = [&](int year) {
    return std::any_of(reports.drafts.begin(), reports.drafts.end(), [&](const auto& d) { return d.year == year; });
  };
  for (const auto& obligation : owed.owed) {
    if (obligation.kind == compliance::ReportKind::initial) {
      // Only the current initial report is at hand: its received date stands for the first.
      std::vector<compliance::ReceivedVersion> received;
      if (const auto current = reporting::current_initial(db, viewer, state.iso3); current && current->first.received)
        received.push_back({*current->first.received, std::nullopt});
      reports.initial = OwedReport{obligation, compliance::status_on(obligation, received, today, rules),
                                   reporting::load_initial_draft(db, viewer, state.iso3).has_value(), {}};
      continue;
    }
    auto versions = reporting::report_versions(db, viewer, state.iso3, obligation.year);
    const auto status = compliance::status_on(obligation, received_versions(versions), today, rules);
    reports.annual.push_back({obligation, status, has_draft(obligation.year), std::move(versions)});
  }
  std::reverse(reports.annual.begin(), reports.annual.end());
  return reports;
}

}  // namespace att::web
