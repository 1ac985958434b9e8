#include "reporting/platform_use.hpp"

#include <map>
#include <string>

namespace att::reporting {

namespace {

// The year of an ISO date or instant, as the queries group by it.
int year_of(const std::string& iso) { return iso.size() >= 4 ? std::stoi(iso.substr(0, 4)) : 0; }

}  // namespace

std::vector<PlatformUseYear> platform_use(store::Database& db) {
  std::map<int, PlatformUseYear> years;
  const auto at = [&years](const std::string& iso) -> PlatformUseYear& {
    auto& entry = years[year_of(iso)];
    entry.year = year_of(iso);
    return entry;
  };

  // A version's year is its received date: an e-mailed report counts in the year it arrived.
  for (const auto& row : db.query(R"sql(
      SELECT substr(COALESCE(v.received_date, v.submitted_at), 1, 4) AS year, v.channel,
             COUNT(*), COUNT(DISTINCT r.reporting_state)
      FROM report_versions v JOIN reports r ON r.id = v.report_id
      WHERE v.submitted_at IS NOT NULL
      GROUP BY substr(COALESCE(v.received_date, v.submitted_at), 1, 4), v.channel)sql")) {
    auto& entry = at(row.text(0));
    const auto channel = row.text(1);
    if (channel == "online") {
      entry.reports_online = row.integer(2);
      entry.states_online = row.integer(3);
    } else if (channel == "email") {
      entry.reports_email = row.integer(2);
    } else {
      entry.reports_import += row.integer(2);
    }
  }

  for (const auto& row : db.query(R"sql(
      SELECT substr(created_at, 1, 4), COUNT(*), SUM(CASE WHEN status = 'approved' THEN 1 ELSE 0 END)
      FROM registrations GROUP BY substr(created_at, 1, 4))sql")) {
    auto& entry = at(row.text(0));
    entry.registrations = row.integer(1);
    entry.registrations_approved = row.integer(2);
  }

  for (const auto& row : db.query(R"sql(
      SELECT substr(c.created_at, 1, 4), COUNT(*), COUNT(DISTINCT c.state_iso3)
      FROM announcement_comments c JOIN announcements a ON a.id = c.announcement_id
      WHERE a.kind = 'consultation'
      GROUP BY substr(c.created_at, 1, 4))sql")) {
    auto& entry = at(row.text(0));
    entry.consultation_comments = row.integer(1);
    entry.states_commenting = row.integer(2);
  }

  std::vector<PlatformUseYear> result;
  for (auto& [year, entry] : years)
    if (year > 0) result.push_back(entry);
  return result;
}

}  // namespace att::reporting
