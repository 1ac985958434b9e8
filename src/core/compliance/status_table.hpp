// The reporting status of every State for one report (the annual report of a year, or the
// initial report) on a date: the table the working group reviews at each meeting, with its
// totals and rates. Computed from the register and the facts of each submitted version.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/compliance/obligation_status.hpp"
#include "core/compliance/obligations.hpp"
#include "core/reports/annual_report.hpp"
#include "core/states_register.hpp"

namespace att::compliance {

// One submitted version of a State's report, as reporting status sees it: its dates, its
// visibility, and whether it is a nil report (none when the reader may not know it).
struct VersionFacts {
  std::int64_t version_no = 0;
  ReceivedVersion dates;
  reports::Visibility visibility = reports::Visibility::restricted;
  std::optional<bool> nil;
};

using VersionsByState = std::map<std::string, std::vector<VersionFacts>>;  // by ISO3

// The submitted versions of every report: what the history over the years and the comparison of
// two dates read.
struct ReportFacts {
  VersionsByState initial;
  std::map<int, VersionsByState> annual;  // by the year reported on
  // The initial report's versions with no year, else that year's annual reports' (none: empty).
  [[nodiscard]] const VersionsByState& of(std::optional<int> year) const;
};

struct StatusRow {
  const StateRecord* state = nullptr;
  Obligation obligation;
  ObligationStatus status;
  // Of the newest version standing on the date, when one is.
  std::optional<reports::Visibility> visibility;
  std::optional<bool> nil;
};

struct StatusTotals {
  int expected = 0, submitted = 0, on_time = 0, within_grace = 0, late = 0, overdue = 0, not_yet_due = 0;
  int public_reports = 0, restricted = 0, nil = 0, amended = 0;
};

struct StatusTable {
  std::vector<StatusRow> rows;  // in the register's order
  StatusTotals totals;
};

// Where one State stands on one obligation on `as_of`, from its submitted versions of that report.
StatusRow status_row(const StateRecord& state, const Obligation& obligation, Date as_of, const ObligationRules& rules,
                     const std::vector<VersionFacts>& versions);

// Counts one row into the totals (expected, by timeliness, and for submitted reports their
// visibility, nil and amended).
void add_to_totals(const StatusRow& row, StatusTotals& totals);

// The totals of each region of the register (UN M49, as the register names them), by name.
std::map<std::string, StatusTotals> totals_by_region(const StatusTable& table);

// Every State that owes the report on `as_of` (the annual report of `year`, or with no year the
// initial report), with where it stands. `versions` holds each State's submitted versions by ISO3.
StatusTable status_table(const StatesRegister& states_register, std::optional<int> year, Date as_of,
                         const ObligationRules& rules, const std::map<std::string, std::vector<VersionFacts>>& versions);

}  // namespace att::compliance
