#include "reporting/version_rows.hpp"

#include "auth/policy.hpp"

namespace att::reporting {

const char* const version_summary_select =
    "SELECT v.id, r.reporting_state, r.year, r.type, v.version_no, "
    // Superseded is derived, like current: a submitted version with a newer submitted one.
    "CASE WHEN v.status = 'submitted' AND EXISTS (SELECT 1 FROM report_versions v3 WHERE v3.report_id = v.report_id"
    " AND v3.status = 'submitted' AND v3.version_no > v.version_no) THEN 'superseded' ELSE v.status END,"
    " v.visibility, v.channel,"
    " v.received_date, v.line_count, v.demo, v.content_hash, v.template_id, v.restriction_reason, v.header_json,"
    " v.submitted_at, v.recalled_at, v.recall_reason, v.exports_visibility, v.imports_visibility"
    " FROM report_versions v JOIN reports r ON r.id = v.report_id";

// The current version: the newest submitted one of its report.
const char* const current_version_condition =
    " v.status = 'submitted' AND v.version_no = (SELECT MAX(v2.version_no) FROM report_versions v2"
    " WHERE v2.report_id = v.report_id AND v2.status = 'submitted')";

std::string annual_version_query(const std::string& state, int year, std::optional<std::int64_t> version_no,
                                 store::Params& params) {
  params = {state, std::int64_t{year}};
  std::string sql = std::string(version_summary_select) +
                    " WHERE r.reporting_state = $1 AND r.year = $2 AND r.type = 'annual' AND v.status <> 'draft' AND";
  if (version_no) {
    params.emplace_back(*version_no);
    sql += " v.version_no = $3";
  } else {
    sql += current_version_condition;
  }
  return sql + " AND";
}

const char* const line_columns =
    "l.direction, l.category, l.partner_state, l.items, l.value, l.currency, l.basis, l.description,"
    " l.comments, l.state_of_origin, l.intermediate_location";

reports::ReportLine line_from(const store::Row& row, std::size_t first) {
  reports::ReportLine line;
  line.direction = reports::direction_from_string(row.text(first)).value_or(reports::Direction::exports);
  line.category = row.text(first + 1);
  line.partner_state = row.text(first + 2);
  if (!row.is_null(first + 3)) line.items = row.integer(first + 3);
  line.value = row.text(first + 4);
  line.currency = row.text(first + 5);
  line.basis = reports::basis_from_string(row.text(first + 6));
  line.description = row.text(first + 7);
  line.comments = row.text(first + 8);
  line.state_of_origin = row.text(first + 9);
  line.intermediate_location = row.text(first + 10);
  return line;
}

std::string submitted_status(bool amends) {
  const auto status = reports::after(amends ? reports::Transition::amend : reports::Transition::submit,
                                     reports::VersionStatus::draft);
  return std::string(to_string(status.value()));
}

VersionSummary summary_from(const store::Row& row) {
  VersionSummary s;
  s.version_id = row.integer(0);
  s.reporting_state = row.text(1);
  s.year = static_cast<int>(row.integer(2));
  s.type = row.text(3);
  s.version_no = row.integer(4);
  s.status = reports::version_status_from_string(row.text(5)).value_or(reports::VersionStatus::draft);
  s.visibility = reports::visibility_from_string(row.text(6)).value_or(reports::Visibility::restricted);
  s.channel = channel_from_string(row.text(7)).value_or(Channel::import);
  if (const auto received = Date::parse(row.text(8))) s.received = *received;
  s.line_count = row.integer(9);
  s.demo = row.integer(10) != 0;
  s.content_hash = row.text(11);
  s.submitted_at = Timestamp::parse(row.text(15));
  s.recalled_at = Timestamp::parse(row.text(16));
  s.recall_reason = row.text(17);
  s.exports_visibility = reports::visibility_from_string(row.text(18));
  s.imports_visibility = reports::visibility_from_string(row.text(19));
  return s;
}

namespace {

// A table's visibility: its own, or the report's.
constexpr const char* exports_restricted = "COALESCE(v.exports_visibility, v.visibility) = 'restricted'";
constexpr const char* imports_restricted = "COALESCE(v.imports_visibility, v.visibility) = 'restricted'";

}  // namespace

std::string readable_by(const auth::Viewer& viewer, store::Params& params) {
  // A version is listed to whoever may read at least one of its tables: it is restricted only
  // when both are.
  static const auth::FactColumns version_facts{"v.status = 'draft'", "v.status = 'recalled'",
                                               std::string("(") + exports_restricted + ") AND (" +
                                                   imports_restricted + ")",
                                               "r.reporting_state"};
  return " " + auth::to_sql(auth::read_report_condition(viewer), version_facts, params);
}

std::string wholly_readable_by(const auth::Viewer& viewer, store::Params& params) {
  static const auth::FactColumns whole_version_facts{"v.status = 'draft'", "v.status = 'recalled'",
                                                     std::string("(") + exports_restricted + ") OR (" +
                                                         imports_restricted + ")",
                                                     "r.reporting_state"};
  return " " + auth::to_sql(auth::read_report_condition(viewer), whole_version_facts, params);
}

std::string lines_readable_by(const auth::Viewer& viewer, store::Params& params) {
  static const auth::FactColumns line_facts{
      "v.status = 'draft'", "v.status = 'recalled'",
      std::string("CASE WHEN l.direction = 'import' THEN ") + imports_restricted + " ELSE " + exports_restricted + " END",
      "r.reporting_state"};
  return " " + auth::to_sql(auth::read_report_condition(viewer), line_facts, params);
}

}  // namespace att::reporting
