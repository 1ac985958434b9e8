#include "reporting/initial_reports_store.hpp"

#include <nlohmann/json.hpp>

#include "auth/secrets.hpp"
#include "reporting/version_rows.hpp"

namespace att::reporting {

namespace {

nlohmann::json answers_json(const reports::InitialReport& report) {
  nlohmann::json answers = nlohmann::json::object();
  for (const auto& [id, answer] : report.answers)
    answers[id] = {{"choice", answer.choice}, {"explanation", answer.explanation}, {"entries", answer.entries}};
  return {{"updates_earlier", report.updates_earlier}, {"answers", answers}};
}

}  // namespace

namespace {

// The initial report has no reporting year: it is filed under year 0.
std::int64_t initial_report_id_for(store::Database& db, const std::string& state, Timestamp now) {
  const auto existing = db.query("SELECT id FROM reports WHERE reporting_state = $1 AND year = 0 AND type = 'initial'",
                                 {state});
  if (!existing.empty()) return existing.front().integer(0);
  return db.query("INSERT INTO reports (reporting_state, year, type, created_at) VALUES ($1, 0, 'initial', $2) RETURNING id",
                  {state, now.iso()})
      .at(0)
      .integer(0);
}

std::string initial_content_hash(const reports::InitialReport& report, const std::string& document) {
  return auth::token_digest(report.reporting_state + "\n" + report.template_id + "\n" +
                            std::string(to_string(report.visibility)) + "\n" + document);
}

// An initial report from its row: `template_id`, `visibility` and the answers document.
reports::InitialReport initial_from(const std::string& state, const std::string& template_id,
                                    reports::Visibility visibility, const std::string& document) {
  reports::InitialReport report;
  report.reporting_state = state;
  report.template_id = template_id;
  report.visibility = visibility;
  const auto json = nlohmann::json::parse(document);
  report.updates_earlier = json.value("updates_earlier", false);
  const auto answers = json.contains("answers") ? json["answers"] : nlohmann::json::object();
  for (const auto& [id, answer] : answers.items())
    report.answers[id] = {answer.value("choice", ""), answer.value("explanation", ""),
                          answer.value("entries", std::vector<std::string>{})};
  return report;
}

}  // namespace

SubmissionReceipt submit_initial(store::Database& db, const reports::InitialReport& report, Channel channel,
                                 std::optional<Date> received, std::optional<std::int64_t> by, Timestamp now) {
  const auto report_id = initial_report_id_for(db, report.reporting_state, now);
  const auto previous = db.query(
      "SELECT COALESCE(MAX(version_no), 0) FROM report_versions WHERE report_id = $1 AND status <> 'draft'", {report_id});
  SubmissionReceipt receipt;
  receipt.version_no = previous.at(0).integer(0) + 1;
  receipt.amended = receipt.version_no > 1;
  const auto document = answers_json(report).dump();
  receipt.content_hash = initial_content_hash(report, document);
  receipt.version_id =
      db.query(
            "INSERT INTO report_versions (report_id, version_no, status, channel, received_date, template_id,"
            " visibility, header_json, content_hash, line_count, created_by, created_at, submitted_at)"
            " VALUES ($1, $2, $11, $3, $4, $5, $6, $7, $8, 0, $9, $10, $10) RETURNING id",
            {report_id, receipt.version_no, std::string(to_string(channel)),
             received ? received->iso() : now.date().iso(), report.template_id,
             std::string(to_string(report.visibility)), document, receipt.content_hash,
             by ? store::Value(*by) : store::Value(nullptr), now.iso(), submitted_status(receipt.amended)})
          .at(0)
          .integer(0);
  return receipt;
}

std::optional<std::pair<VersionSummary, reports::InitialReport>> current_initial(store::Database& db,
                                                                                 const auth::Viewer& viewer,
                                                                                 const std::string& state) {
  store::Params params{state};
  const auto sql = std::string(version_summary_select) + " WHERE" + current_version_condition +
                   " AND r.reporting_state = $1 AND r.type = 'initial' AND" + readable_by(viewer, params);
  const auto rows = db.query(sql, params);
  if (rows.empty()) return std::nullopt;
  const auto summary = summary_from(rows.front());
  return std::make_pair(summary, initial_from(state, rows.front().text(12), summary.visibility, rows.front().text(14)));
}

std::int64_t save_initial_draft(store::Database& db, const reports::InitialReport& report,
                                std::optional<std::int64_t> author, Timestamp now) {
  const auto report_id = initial_report_id_for(db, report.reporting_state, now);
  db.execute("DELETE FROM report_versions WHERE report_id = $1 AND status = 'draft'", {report_id});
  const auto document = answers_json(report).dump();
  return db
      .query("INSERT INTO report_versions (report_id, version_no, status, channel, template_id, visibility,"
             " header_json, content_hash, line_count, created_by, created_at)"
             " VALUES ($1, 0, 'draft', 'online', $2, $3, $4, $5, 0, $6, $7) RETURNING id",
             {report_id, report.template_id, std::string(to_string(report.visibility)), document,
              initial_content_hash(report, document), author ? store::Value(*author) : store::Value(nullptr), now.iso()})
      .at(0)
      .integer(0);
}

std::optional<reports::InitialReport> load_initial_draft(store::Database& db, const auth::Viewer& viewer,
                                                         const std::string& state) {
  store::Params params{state};
  const auto sql =
      "SELECT v.template_id, v.visibility, v.header_json FROM report_versions v JOIN reports r ON r.id = v.report_id"
      " WHERE r.reporting_state = $1 AND r.type = 'initial' AND v.status = 'draft' AND" +
      readable_by(viewer, params);
  const auto rows = db.query(sql, params);
  if (rows.empty()) return std::nullopt;
  return initial_from(state, rows.front().text(0),
                      reports::visibility_from_string(rows.front().text(1)).value_or(reports::Visibility::restricted),
                      rows.front().text(2));
}

std::optional<SubmissionReceipt> submit_initial_draft(store::Database& db, const std::string& state, Channel channel,
                                                      std::optional<std::int64_t> by, Timestamp now) {
  const auto draft = load_initial_draft(db, database_owner(), state);
  if (!draft) return std::nullopt;
  db.execute(
      "DELETE FROM report_versions WHERE status = 'draft' AND report_id IN"
      " (SELECT id FROM reports WHERE reporting_state = $1 AND type = 'initial')",
      {state});
  return submit_initial(db, *draft, channel, std::nullopt, by, now);
}

}  // namespace att::reporting
