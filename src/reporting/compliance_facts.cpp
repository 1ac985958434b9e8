#include "reporting/compliance_facts.hpp"

#include <nlohmann/json.hpp>

#include "core/timestamp.hpp"
#include "reporting/version_rows.hpp"

namespace att::reporting {

namespace {

// Both tables of an annual report declared empty; initial reports have no such thing.
std::optional<bool> nil_report(const std::string& header_json, bool annual) {
  if (!annual) return std::nullopt;
  const auto header = nlohmann::json::parse(header_json, nullptr, false);
  if (!header.is_object()) return std::nullopt;
  return header.value("nil_exports", false) && header.value("nil_imports", false);
}

}  // namespace

std::map<std::string, std::vector<compliance::VersionFacts>> version_facts(store::Database& db,
                                                                            const auth::Viewer& viewer,
                                                                            std::optional<int> year) {
  store::Params params{std::string(year ? "annual" : "initial")};
  if (year) params.emplace_back(std::int64_t{*year});
  // The header (which says whether it is a nil report) only where the read rule lets the viewer
  // read all of it (nil speaks of both tables): the rule is part of the query, as for every read
  // of content.
  const auto readable = wholly_readable_by(viewer, params);
  const auto sql =
      "SELECT r.reporting_state, v.version_no, v.received_date, v.recalled_at, v.visibility,"
      " CASE WHEN" + readable + " THEN v.header_json END"
      " FROM report_versions v JOIN reports r ON r.id = v.report_id WHERE v.status <> 'draft' AND r.type = $1" +
      (year ? " AND r.year = $2" : "") + " ORDER BY r.reporting_state, v.version_no";
  std::map<std::string, std::vector<compliance::VersionFacts>> facts;
  for (const auto& row : db.query(sql, params)) {
    const auto received = Date::parse(row.text(2));
    if (!received) continue;  // a submitted version always has one; nothing to date otherwise
    compliance::VersionFacts version{
        row.integer(1), {*received, std::nullopt},
        reports::visibility_from_string(row.text(4)).value_or(reports::Visibility::restricted), std::nullopt};
    if (!row.is_null(3))
      if (const auto recalled = Timestamp::parse(row.text(3))) version.dates.recalled_on = recalled->date();
    if (!row.is_null(5)) version.nil = nil_report(row.text(5), year.has_value());
    const auto state = row.text(0);
    facts[state].push_back(std::move(version));
  }
  return facts;
}

}  // namespace att::reporting
