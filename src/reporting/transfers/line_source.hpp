// What the transfers read model reads from the system of record (SQLite or PostgreSQL): a cheap
// mark of its state, the current versions of annual reports, and their lines.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "core/reports/annual_report.hpp"
#include "reporting/transfers/line_table.hpp"
#include "store/database.hpp"

namespace att::transfers {

// Changes whenever a version is submitted (a new id, one more version) or recalled (one more
// recalled version); versions are never deleted once submitted and never change otherwise.
// Read on every query, so that every process on the same database answers from the same data.
struct SourceMark {
  std::int64_t versions = 0;
  std::int64_t newest_id = 0;
  std::int64_t recalled = 0;
  bool operator==(const SourceMark&) const = default;
};
SourceMark source_mark(store::Database& db);

// The ids of the current versions of every annual report (the newest submitted one of each).
std::vector<std::int64_t> current_version_ids(store::Database& db);

// The facts of these versions and their lines, in their order, version by version.
void read_versions(store::Database& db, const std::vector<std::int64_t>& ids,
                   const std::function<void(const VersionFacts&, const std::vector<reports::ReportLine>&)>& take);

}  // namespace att::transfers
