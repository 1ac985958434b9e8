#include "exchange/problem_reports_store.hpp"

#include "auth/policy.hpp"
#include "store/stored_timestamp.hpp"

namespace att::exchange {

namespace {

using store::stored_timestamp;

constexpr std::string_view report_columns =
    "r.id, r.reporter_id, u.name, r.page, r.category, r.description, r.status, r.reported_at, r.closed_at";

// Who reads which report, as SQL on `problem_reports r`: those who answer read all, others only
// their own, anonymous visitors none.
std::string readable_by(const auth::Viewer& viewer, store::Params& params) {
  if (auth::may(viewer, auth::Permission::answer_problem_reports)) return "1 = 1";
  if (!viewer.user_id) return "1 = 0";
  params.emplace_back(*viewer.user_id);
  return "r.reporter_id = $" + std::to_string(params.size());
}

ProblemReport read_report(const store::Row& row) {
  return {.id = row.integer(0),
          .reporter_id = row.integer(1),
          .reporter_name = row.text(2),
          .page = row.text(3),
          .category = problem_category_from_string(row.text(4)).value_or(ProblemCategory::other),
          .description = row.text(5),
          .open = row.text(6) == "open",
          .reported_at = stored_timestamp(row.text(7)),
          .closed_at = row.is_null(8) ? std::nullopt : std::optional(stored_timestamp(row.text(8))),
          .answers = {}};
}

bool has_text(std::string_view text) { return text.find_first_not_of(" \t\r\n") != std::string_view::npos; }

}  // namespace

std::optional<std::int64_t> report_problem(store::Database& db, const auth::Viewer& viewer,
                                           const NewProblemReport& report, Timestamp now) {
  if (!viewer.user_id || !auth::may(viewer, auth::Permission::report_problems) || !has_text(report.description))
    return std::nullopt;
  return db
      .query("INSERT INTO problem_reports (reporter_id, page, category, description, status, reported_at)"
             " VALUES ($1, $2, $3, $4, 'open', $5) RETURNING id",
             {*viewer.user_id, report.page, std::string(to_string(report.category)), report.description, now.iso()})
      .front()
      .integer(0);
}

std::vector<ProblemReport> problem_reports_for(store::Database& db, const auth::Viewer& viewer) {
  store::Params params;
  const auto sql = "SELECT " + std::string(report_columns) +
                   " FROM problem_reports r JOIN users u ON u.id = r.reporter_id WHERE " + readable_by(viewer, params) +
                   " ORDER BY CASE WHEN r.status = 'open' THEN 0 ELSE 1 END, r.reported_at, r.id";
  std::vector<ProblemReport> reports;
  for (const auto& row : db.query(sql, params)) reports.push_back(read_report(row));
  return reports;
}

std::optional<ProblemReport> find_problem_report(store::Database& db, const auth::Viewer& viewer, std::int64_t id) {
  store::Params params{id};
  const auto sql = "SELECT " + std::string(report_columns) +
                   " FROM problem_reports r JOIN users u ON u.id = r.reporter_id WHERE r.id = $1 AND " +
                   readable_by(viewer, params);
  const auto rows = db.query(sql, params);
  if (rows.empty()) return std::nullopt;
  auto report = read_report(rows.front());
  for (const auto& row : db.query("SELECT u.name, a.body, a.answered_at FROM problem_report_answers a"
                                  " JOIN users u ON u.id = a.author_id WHERE a.report_id = $1 ORDER BY a.id",
                                  {id}))
    report.answers.push_back({row.text(0), row.text(1), stored_timestamp(row.text(2))});
  return report;
}

AnswerOutcome answer_problem_report(store::Database& db, const auth::Viewer& viewer, std::int64_t id,
                                    const std::string& answer, bool close, Timestamp now) {
  if (!viewer.user_id || !auth::may(viewer, auth::Permission::answer_problem_reports)) {
    // The reporter may not answer their own report, and learns no more than others about others'.
    return find_problem_report(db, viewer, id) ? AnswerOutcome::refused : AnswerOutcome::not_found;
  }
  if (!find_problem_report(db, viewer, id)) return AnswerOutcome::not_found;
  if (!has_text(answer)) return AnswerOutcome::invalid;
  db.execute("INSERT INTO problem_report_answers (report_id, author_id, body, answered_at) VALUES ($1, $2, $3, $4)",
             {id, *viewer.user_id, answer, now.iso()});
  if (close)
    db.execute("UPDATE problem_reports SET status = 'closed', closed_at = $1 WHERE id = $2 AND status = 'open'",
               {now.iso(), id});
  return AnswerOutcome::done;
}

}  // namespace att::exchange
