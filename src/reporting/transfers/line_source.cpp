#include "reporting/transfers/line_source.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "reporting/version_rows.hpp"

namespace att::transfers {

namespace {

// Versions read per query: large enough to need few round trips, small enough to keep the rows
// of one batch in memory.
constexpr std::size_t batch_size = 200;

std::string id_list(const std::vector<std::int64_t>& ids, std::size_t from, std::size_t to, store::Params& params) {
  std::string list;
  for (auto i = from; i < to; ++i) {
    params.emplace_back(ids[i]);
    list += (list.empty() ? "$" : ", $") + std::to_string(params.size());
  }
  return list;
}

std::optional<reports::Basis> default_basis(const std::string& header_json) {
  const auto header = nlohmann::json::parse(header_json, nullptr, false);
  if (!header.is_object() || !header.contains("default_basis") || !header["default_basis"].is_string())
    return std::nullopt;
  return reports::basis_from_string(header["default_basis"].get<std::string>());
}

bool restricted(const std::string& table_visibility, const std::string& report_visibility) {
  return (table_visibility.empty() ? report_visibility : table_visibility) != "public";
}

}  // namespace

SourceMark source_mark(store::Database& db) {
  const auto rows = db.query(
      "SELECT COUNT(*), COALESCE(MAX(id), 0), COALESCE(SUM(CASE WHEN status = 'recalled' THEN 1 ELSE 0 END), 0)"
      " FROM report_versions WHERE status <> 'draft'");
  return {rows.at(0).integer(0), rows.at(0).integer(1), rows.at(0).integer(2)};
}

std::vector<std::int64_t> current_version_ids(store::Database& db) {
  std::vector<std::int64_t> ids;
  for (const auto& row : db.query(std::string("SELECT v.id FROM report_versions v JOIN reports r ON r.id = v.report_id"
                                              " WHERE r.type = 'annual' AND") +
                                  reporting::current_version_condition + " ORDER BY v.id"))
    ids.push_back(row.integer(0));
  return ids;
}

void read_versions(store::Database& db, const std::vector<std::int64_t>& ids,
                   const std::function<void(const VersionFacts&, const std::vector<reports::ReportLine>&)>& take) {
  for (std::size_t from = 0; from < ids.size(); from += batch_size) {
    const auto to = std::min(ids.size(), from + batch_size);
    store::Params params;
    const auto list = id_list(ids, from, to, params);
    std::map<std::int64_t, VersionFacts> facts;
    for (const auto& row : db.query("SELECT v.id, r.reporting_state, r.year, v.version_no, v.visibility,"
                                    " v.exports_visibility, v.imports_visibility, v.header_json"
                                    " FROM report_versions v JOIN reports r ON r.id = v.report_id WHERE v.id IN (" +
                                        list + ")",
                                    params)) {
      VersionFacts f;
      f.version_id = row.integer(0);
      f.reporting_state = row.text(1);
      f.year = static_cast<int>(row.integer(2));
      f.version_no = row.integer(3);
      f.exports_restricted = restricted(row.text(5), row.text(4));
      f.imports_restricted = restricted(row.text(6), row.text(4));
      f.default_basis = default_basis(row.text(7));
      facts.emplace(f.version_id, std::move(f));
    }
    std::map<std::int64_t, std::vector<reports::ReportLine>> lines;
    for (const auto& row :
         db.query(std::string("SELECT l.version_id, ") + reporting::line_columns +
                      " FROM report_lines l WHERE l.version_id IN (" + list + ") ORDER BY l.version_id, l.line_no",
                  params))
      lines[row.integer(0)].push_back(reporting::line_from(row, 1));
    for (const auto& [id, version] : facts) take(version, lines[id]);
  }
}

}  // namespace att::transfers
