#include "reporting/reports_store.hpp"

#include <nlohmann/json.hpp>

#include "auth/policy.hpp"
#include "core/reports/validation.hpp"
#include "auth/secrets.hpp"
#include "io/report_json.hpp"
#include "reporting/version_rows.hpp"
#include "store/batched_insert.hpp"

namespace att::reporting {

namespace {

using reports::AnnualReport;
using reports::ReportLine;

nlohmann::json header_json(const AnnualReport& r) {
  return {{"nil_exports", r.nil_exports},
          {"nil_imports", r.nil_imports},
          {"withheld_all", r.withheld_all},
          {"withheld_categories", r.withheld_categories},
          {"default_basis", r.default_basis ? nlohmann::json(std::string(to_string(*r.default_basis))) : nullptr},
          {"comments", r.comments},
          {"national_definitions", r.national_definitions},
          {"contact",
           {{"name", r.contact.name}, {"position", r.contact.position}, {"department", r.contact.department},
            {"address", r.contact.address}, {"email", r.contact.email}, {"telephone", r.contact.telephone}}}};
}

const std::optional<reports::Visibility>& table_visibility(const AnnualReport& r, reports::Direction table) {
  return table == reports::Direction::exports ? r.exports_visibility : r.imports_visibility;
}

store::Value visibility_value(const std::optional<reports::Visibility>& visibility) {
  return visibility ? store::Value(std::string(to_string(*visibility))) : store::Value(nullptr);
}

void read_header(AnnualReport& r, const std::string& text) {
  const auto json = nlohmann::json::parse(text);
  r.nil_exports = json.value("nil_exports", false);
  r.nil_imports = json.value("nil_imports", false);
  r.withheld_all = json.value("withheld_all", false);
  r.withheld_categories = json.value("withheld_categories", std::vector<std::string>{});
  if (json.contains("default_basis") && json["default_basis"].is_string())
    r.default_basis = reports::basis_from_string(json["default_basis"].get<std::string>());
  r.comments = json.value("comments", "");
  r.national_definitions = json.value("national_definitions", "");
  if (json.contains("contact")) {
    const auto& c = json["contact"];
    r.contact = {c.value("name", ""),    c.value("position", ""), c.value("department", ""),
                 c.value("address", ""), c.value("email", ""),    c.value("telephone", "")};
  }
}

}  // namespace

std::string_view to_string(Channel channel) {
  switch (channel) {
    case Channel::online: return "online";
    case Channel::email: return "email";
    case Channel::import: return "import";
  }
  return "import";
}

std::optional<Channel> channel_from_string(std::string_view text) {
  for (const auto channel : {Channel::online, Channel::email, Channel::import}) {
    if (to_string(channel) == text) return channel;
  }
  return std::nullopt;
}

std::string content_hash(const AnnualReport& report) {
  std::string canonical = report.reporting_state + "\n" + std::to_string(report.year) + "\n" + report.template_id +
                          "\n" + std::string(to_string(report.visibility)) + "\n" + report.restriction_reason + "\n" +
                          header_json(report).dump() + "\n";
  // Only a table's own choice is added, so that reports without one keep the hash they had.
  for (const auto table : {reports::Direction::exports, reports::Direction::imports}) {
    if (table_visibility(report, table))
      canonical += std::string(to_string(table)) + ":" + std::string(to_string(report.visibility_of(table))) + "\n";
  }
  io::append_report_csv(canonical, report, io::CsvFor::machines);
  return auth::token_digest(canonical);
}

std::int64_t report_id_for(store::Database& db, const std::string& state, int year, Timestamp now) {
  const auto existing = db.query("SELECT id FROM reports WHERE reporting_state = $1 AND year = $2 AND type = 'annual'",
                                 {state, std::int64_t{year}});
  if (!existing.empty()) return existing.front().integer(0);
  return db.query("INSERT INTO reports (reporting_state, year, type, created_at) VALUES ($1, $2, 'annual', $3)"
                  " RETURNING id",
                  {state, std::int64_t{year}, now.iso()})
      .at(0)
      .integer(0);
}

void insert_lines(store::Database& db, std::int64_t version_id, const AnnualReport& report) {
  static const std::string head =
      "INSERT INTO report_lines (version_id, line_no, direction, category, partner_state, items, value, currency,"
      " basis, description, comments, state_of_origin, intermediate_location) VALUES ";
  store::insert_rows(db, head, 13, report.lines.size(), [&](std::size_t row, store::Params& params) {
    const auto& line = report.lines[row];
    params.emplace_back(version_id);
    params.emplace_back(static_cast<std::int64_t>(row + 1));
    params.emplace_back(std::string(to_string(line.direction)));
    params.emplace_back(line.category);
    params.emplace_back(line.partner_state);
    params.emplace_back(line.items ? store::Value(*line.items) : store::Value(nullptr));
    params.emplace_back(line.value.empty() ? store::Value(nullptr) : store::Value(line.value));
    params.emplace_back(line.currency);
    params.emplace_back(line.basis ? std::string(to_string(*line.basis)) : std::string());
    params.emplace_back(line.description);
    params.emplace_back(line.comments);
    params.emplace_back(line.state_of_origin);
    params.emplace_back(line.intermediate_location);
  });
}

// The lines of a version that the viewer may read: each table has its own visibility.
std::vector<ReportLine> read_lines(store::Database& db, const auth::Viewer& viewer, std::int64_t version_id) {
  store::Params params{version_id};
  const auto sql = std::string("SELECT ") + line_columns +
                   " FROM report_lines l JOIN report_versions v ON v.id = l.version_id JOIN reports r ON r.id = v.report_id"
                   " WHERE l.version_id = $1 AND" +
                   lines_readable_by(viewer, params) + " ORDER BY l.line_no";
  std::vector<ReportLine> lines;
  for (const auto& row : db.query(sql, params)) lines.push_back(line_from(row));
  return lines;
}

namespace {

// The whole document of a version whose summary row was read with `version_summary_select`.
AnnualReport report_from(store::Database& db, const auth::Viewer& viewer, const VersionSummary& summary,
                         const store::Row& row) {
  AnnualReport report;
  report.reporting_state = summary.reporting_state;
  report.year = summary.year;
  report.template_id = row.text(12);
  report.visibility = summary.visibility;
  report.exports_visibility = summary.exports_visibility;
  report.imports_visibility = summary.imports_visibility;
  report.restriction_reason = row.text(13);
  read_header(report, row.text(14));
  report.lines = read_lines(db, viewer, summary.version_id);
  return report;
}

}  // namespace

SubmissionReceipt open_version(store::Database& db, const Submission& submission, Timestamp now) {
  const auto& report = submission.report;
  SubmissionReceipt receipt;
  const auto report_id = report_id_for(db, report.reporting_state, report.year, now);
  const auto previous =
      db.query("SELECT COALESCE(MAX(version_no), 0), COUNT(*) FROM report_versions WHERE report_id = $1 AND status <> 'draft'",
               {report_id});
  receipt.version_no = previous.at(0).integer(0) + 1;
  receipt.amended = previous.at(0).integer(1) > 0;
  const auto status = submitted_status(receipt.amended);
  const auto received = submission.received ? submission.received->iso() : now.date().iso();
  // An amendment cannot have been received before the version it replaces.
  const auto replaced = db.query(
      "SELECT received_date FROM report_versions WHERE report_id = $1 AND status = 'submitted'"
      " ORDER BY version_no DESC LIMIT 1",
      {report_id});
  if (!replaced.empty()) {
    const auto received_date = Date::parse(received);
    const auto previous_date = Date::parse(replaced.front().text(0));
    if (received_date && previous_date)
      if (auto problem = reports::amendment_date_problem(*received_date, *previous_date)) {
        problem->params.emplace("reporting_state", report.reporting_state);
        problem->params.emplace("report_year", std::to_string(report.year));
        throw SubmissionRefused(std::move(*problem));
      }
  }
  // The hash and the line count are written by close_version, once every line is in.
  receipt.version_id =
      db.query(
            "INSERT INTO report_versions (report_id, version_no, status, channel, received_date, template_id,"
            " visibility, restriction_reason, header_json, content_hash, line_count, demo, created_by, created_at,"
            " submitted_at, exports_visibility, imports_visibility)"
            " VALUES ($1, $2, $14, $3, $4, $5, $6, $7, $8, '', 0, $9, $10, $11, $11, $12, $13)"
            " RETURNING id",
            {report_id, receipt.version_no, std::string(to_string(submission.channel)), received, report.template_id,
             std::string(to_string(report.visibility)), report.restriction_reason, header_json(report).dump(),
             std::int64_t{submission.demo ? 1 : 0},
             submission.submitted_by ? store::Value(*submission.submitted_by) : store::Value(nullptr), now.iso(),
             visibility_value(report.exports_visibility), visibility_value(report.imports_visibility), status})
          .at(0)
          .integer(0);
  return receipt;
}

SubmissionReceipt submit(store::Database& db, const Submission& submission, Timestamp now) {
  auto receipt = open_version(db, submission, now);
  insert_lines(db, receipt.version_id, submission.report);
  close_version(db, receipt, submission.report);
  return receipt;
}

VersionContent version_content(const AnnualReport& report) {
  return {report.template_id, content_hash(report), report.lines.size()};
}

void close_version(store::Database& db, SubmissionReceipt& receipt, const VersionContent& content) {
  receipt.content_hash = content.content_hash;
  db.execute("UPDATE report_versions SET template_id = $1, content_hash = $2, line_count = $3 WHERE id = $4",
             {content.template_id, receipt.content_hash, static_cast<std::int64_t>(content.line_count),
              receipt.version_id});
}

void close_version(store::Database& db, SubmissionReceipt& receipt, const AnnualReport& report) {
  close_version(db, receipt, version_content(report));
}

std::int64_t save_draft(store::Database& db, const AnnualReport& report, std::optional<std::int64_t> author,
                        Timestamp now) {
  const auto report_id = report_id_for(db, report.reporting_state, report.year, now);
  // The draft carries no version number of its own until it is submitted: 0 marks it.
  db.execute("DELETE FROM report_versions WHERE report_id = $1 AND status = 'draft'", {report_id});
  const auto id = db.query(
                        "INSERT INTO report_versions (report_id, version_no, status, channel, template_id, visibility,"
                        " restriction_reason, header_json, content_hash, line_count, created_by, created_at,"
                        " exports_visibility, imports_visibility)"
                        " VALUES ($1, 0, 'draft', 'online', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
                        {report_id, report.template_id, std::string(to_string(report.visibility)),
                         report.restriction_reason, header_json(report).dump(), content_hash(report),
                         static_cast<std::int64_t>(report.lines.size()),
                         author ? store::Value(*author) : store::Value(nullptr), now.iso(),
                         visibility_value(report.exports_visibility), visibility_value(report.imports_visibility)})
                      .at(0)
                      .integer(0);
  insert_lines(db, id, report);
  return id;
}

std::optional<AnnualReport> load_draft(store::Database& db, const auth::Viewer& viewer, const std::string& state,
                                       int year) {
  store::Params params{state, std::int64_t{year}};
  const auto sql =
      "SELECT v.id, v.template_id, v.visibility, v.restriction_reason, v.header_json, v.exports_visibility,"
      " v.imports_visibility FROM report_versions v"
      " JOIN reports r ON r.id = v.report_id WHERE r.reporting_state = $1 AND r.year = $2 AND r.type = 'annual'"
      " AND v.status = 'draft' AND" +
      readable_by(viewer, params);
  const auto rows = db.query(sql, params);
  if (rows.empty()) return std::nullopt;
  AnnualReport report;
  report.reporting_state = state;
  report.year = year;
  report.template_id = rows.front().text(1);
  report.visibility = reports::visibility_from_string(rows.front().text(2)).value_or(reports::Visibility::restricted);
  report.exports_visibility = reports::visibility_from_string(rows.front().text(5));
  report.imports_visibility = reports::visibility_from_string(rows.front().text(6));
  report.restriction_reason = rows.front().text(3);
  read_header(report, rows.front().text(4));
  report.lines = read_lines(db, viewer, rows.front().integer(0));
  return report;
}

std::vector<DraftSummary> drafts_of(store::Database& db, const auth::Viewer& viewer,
                                    const std::optional<std::string>& state) {
  store::Params params;
  std::string sql =
      "SELECT r.reporting_state, r.year, v.created_at, v.line_count FROM report_versions v"
      " JOIN reports r ON r.id = v.report_id WHERE r.type = 'annual' AND v.status = 'draft'";
  if (state) {
    params.emplace_back(*state);
    sql += " AND r.reporting_state = $1";
  }
  sql += " AND" + readable_by(viewer, params) + (state ? " ORDER BY r.year DESC" : " ORDER BY v.created_at DESC, r.reporting_state");
  std::vector<DraftSummary> drafts;
  for (const auto& row : db.query(sql, params))
    drafts.push_back({row.text(0), static_cast<int>(row.integer(1)), Timestamp::parse(row.text(2)), row.integer(3)});
  return drafts;
}

std::optional<SubmissionReceipt> submit_draft(store::Database& db, const std::string& state, int year, Channel channel,
                                              std::optional<Date> received, std::optional<std::int64_t> by,
                                              Timestamp now) {
  auto draft = load_draft(db, database_owner(), state, year);
  if (!draft) return std::nullopt;
  db.execute(
      "DELETE FROM report_versions WHERE status = 'draft' AND report_id IN"
      " (SELECT id FROM reports WHERE reporting_state = $1 AND year = $2)",
      {state, std::int64_t{year}});
  return submit(db, {std::move(*draft), channel, received, false, by}, now);
}

std::optional<std::int64_t> recall_current(store::Database& db, const std::string& state, int year,
                                           const std::string& reason, Timestamp now) {
  const auto rows = db.query(std::string(version_summary_select) + " WHERE" + current_version_condition +
                                 " AND r.reporting_state = $1 AND r.year = $2",
                             {state, std::int64_t{year}});
  if (rows.empty()) return std::nullopt;
  const auto recalled = reports::after(reports::Transition::recall, reports::VersionStatus::submitted);
  db.execute("UPDATE report_versions SET status = $4, recalled_at = $1, recall_reason = $2 WHERE id = $3",
             {now.iso(), reason, rows.front().integer(0), std::string(to_string(recalled.value()))});
  return rows.front().integer(4);
}

std::vector<VersionSummary> current_reports(store::Database& db, const auth::Viewer& viewer, const ReportFilter& filter) {
  store::Params params;
  std::string sql = std::string(version_summary_select) + " WHERE" + current_version_condition;
  if (filter.state) {
    params.emplace_back(*filter.state);
    sql += " AND r.reporting_state = $" + std::to_string(params.size());
  }
  if (!filter.states.empty()) {
    std::string any_of;
    for (const auto& state : filter.states) {
      params.emplace_back(state);
      any_of += (any_of.empty() ? "$" : ", $") + std::to_string(params.size());
    }
    sql += " AND r.reporting_state IN (" + any_of + ")";
  }
  if (filter.year) {
    params.emplace_back(std::int64_t{*filter.year});
    sql += " AND r.year = $" + std::to_string(params.size());
  }
  sql += " AND" + readable_by(viewer, params) + " ORDER BY r.reporting_state, r.year";
  std::vector<VersionSummary> result;
  for (const auto& row : db.query(sql, params)) result.push_back(summary_from(row));
  return result;
}

std::optional<std::pair<VersionSummary, AnnualReport>> current_report(store::Database& db, const auth::Viewer& viewer,
                                                                      const std::string& state, int year) {
  return report_version(db, viewer, state, year, std::nullopt);
}

std::vector<VersionSummary> report_versions(store::Database& db, const auth::Viewer& viewer, const std::string& state,
                                            int year) {
  store::Params params{state, std::int64_t{year}};
  const auto sql = std::string(version_summary_select) +
                   " WHERE r.reporting_state = $1 AND r.year = $2 AND r.type = 'annual' AND v.status <> 'draft' AND" +
                   readable_by(viewer, params) + " ORDER BY v.version_no";
  std::vector<VersionSummary> versions;
  for (const auto& row : db.query(sql, params)) versions.push_back(summary_from(row));
  return versions;
}

std::optional<std::pair<VersionSummary, AnnualReport>> report_version(store::Database& db, const auth::Viewer& viewer,
                                                                      const std::string& state, int year,
                                                                      std::optional<std::int64_t> version_no) {
  store::Params params;
  auto sql = annual_version_query(state, year, version_no, params);
  sql += readable_by(viewer, params);
  const auto rows = db.query(sql, params);
  if (rows.empty()) return std::nullopt;
  const auto summary = summary_from(rows.front());
  return std::make_pair(summary, report_from(db, viewer, summary, rows.front()));
}

auth::Viewer database_owner() {
  auth::Viewer viewer;
  viewer.name = "database owner";
  viewer.roles = {auth::Role::secretariat};
  return viewer;
}

}  // namespace att::reporting
