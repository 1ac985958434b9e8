#include "reporting/report_listings.hpp"

#include "reporting/version_rows.hpp"

namespace att::reporting {

std::vector<VersionSummary> versions_of_state(store::Database& db, const auth::Viewer& viewer,
                                              const std::string& state) {
  store::Params params{state};
  const auto sql = std::string(version_summary_select) +
                   " WHERE r.reporting_state = $1 AND r.type = 'annual' AND v.status <> 'draft' AND" +
                   readable_by(viewer, params) + " ORDER BY r.year DESC, v.version_no";
  std::vector<VersionSummary> versions;
  for (const auto& row : db.query(sql, params)) versions.push_back(summary_from(row));
  return versions;
}

std::vector<VersionSummary> latest_reports(store::Database& db, const auth::Viewer& viewer, std::size_t limit) {
  store::Params params;
  auto sql = std::string(version_summary_select) + " WHERE r.type = 'annual' AND" + current_version_condition + " AND" +
             readable_by(viewer, params);
  params.emplace_back(static_cast<std::int64_t>(limit));
  sql += " ORDER BY v.received_date DESC, v.submitted_at DESC, v.id DESC LIMIT $" + std::to_string(params.size());
  std::vector<VersionSummary> versions;
  for (const auto& row : db.query(sql, params)) versions.push_back(summary_from(row));
  return versions;
}

std::int64_t reports_received(store::Database& db, const auth::Viewer& viewer, Date from, Date to) {
  store::Params params{from.iso(), to.iso()};
  const auto sql =
      "SELECT COUNT(DISTINCT r.id) FROM report_versions v JOIN reports r ON r.id = v.report_id"
      " WHERE r.type = 'annual' AND v.status = 'submitted' AND v.received_date >= $1 AND v.received_date <= $2 AND" +
      readable_by(viewer, params);
  const auto rows = db.query(sql, params);
  return rows.empty() ? 0 : rows.front().integer(0);
}

}  // namespace att::reporting
