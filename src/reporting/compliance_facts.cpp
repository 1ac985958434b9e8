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

// Submitted versions (recalled ones too) matching `where` (written with `params`), each given to
// `take(state, type, year, facts)`. The header (which says whether it is a nil report) only where
// the read rule lets the viewer read all of it (nil speaks of both tables): the rule is part of
// the query, as for every read of content.
template <typename Take>
void read_facts(store::Database& db, const auth::Viewer& viewer, const std::string& where, store::Params params,
                Take take) {
  const auto readable = wholly_readable_by(viewer, params);
  const auto sql =
      "SELECT r.reporting_state, r.type, r.year, v.version_no, v.received_date, v.recalled_at, v.visibility,"
      " CASE WHEN" +
      readable +
      " THEN v.header_json END"
      " FROM report_versions v JOIN reports r ON r.id = v.report_id WHERE v.status <> 'draft' AND r.type IN ('annual', "
      "'initial')" +
      where + " ORDER BY r.reporting_state, v.version_no";
  for (const auto& row : db.query(sql, params)) {
    const auto received = Date::parse(row.text(4));
    if (!received) continue;  // a submitted version always has one; nothing to date otherwise
    const bool annual = row.text(1) == "annual";
    compliance::VersionFacts version{
        row.integer(3),
        {*received, std::nullopt},
        reports::visibility_from_string(row.text(6)).value_or(reports::Visibility::restricted),
        std::nullopt};
    if (!row.is_null(5))
      if (const auto recalled = Timestamp::parse(row.text(5))) version.dates.recalled_on = recalled->date();
    if (!row.is_null(7)) version.nil = nil_report(row.text(7), annual);
    take(row.text(0), annual, annual ? static_cast<int>(row.integer(2)) : 0, std::move(version));
  }
}

}  // namespace

std::map<std::string, std::vector<compliance::VersionFacts>> version_facts(store::Database& db,
                                                                           const auth::Viewer& viewer,
                                                                           std::optional<int> year) {
  store::Params params{std::string(year ? "annual" : "initial")};
  if (year) params.emplace_back(std::int64_t{*year});
  std::map<std::string, std::vector<compliance::VersionFacts>> facts;
  read_facts(db, viewer, std::string(" AND r.type = $1") + (year ? " AND r.year = $2" : ""), std::move(params),
             [&facts](const std::string& state, bool, int, compliance::VersionFacts version) {
               facts[state].push_back(std::move(version));
             });
  return facts;
}

compliance::ReportFacts report_facts(store::Database& db, const auth::Viewer& viewer,
                                     const std::optional<std::string>& state) {
  store::Params params;
  if (state) params.emplace_back(*state);
  compliance::ReportFacts facts;
  read_facts(db, viewer, state ? " AND r.reporting_state = $1" : "", std::move(params),
             [&facts](const std::string& iso3, bool annual, int year, compliance::VersionFacts version) {
               auto& by_state = annual ? facts.annual[year] : facts.initial;
               by_state[iso3].push_back(std::move(version));
             });
  return facts;
}

}  // namespace att::reporting
