#include "reporting/version_rows.hpp"

#include "auth/policy.hpp"

namespace att::reporting {

const char* const version_summary_select =
    "SELECT v.id, r.reporting_state, r.year, r.type, v.version_no, v.status, v.visibility, v.channel,"
    " v.received_date, v.line_count, v.demo, v.content_hash, v.template_id, v.restriction_reason, v.header_json,"
    " v.submitted_at, v.recalled_at, v.recall_reason"
    " FROM report_versions v JOIN reports r ON r.id = v.report_id";

// The current version: the newest submitted one of its report.
const char* const current_version_condition =
    " v.status = 'submitted' AND v.version_no = (SELECT MAX(v2.version_no) FROM report_versions v2"
    " WHERE v2.report_id = v.report_id AND v2.status = 'submitted')";

VersionSummary summary_from(const store::Row& row) {
  VersionSummary s;
  s.version_id = row.integer(0);
  s.reporting_state = row.text(1);
  s.year = static_cast<int>(row.integer(2));
  s.type = row.text(3);
  s.version_no = row.integer(4);
  s.status = row.text(5);
  s.visibility = reports::visibility_from_string(row.text(6)).value_or(reports::Visibility::restricted);
  s.channel = row.text(7);
  s.received = row.text(8);
  s.line_count = row.integer(9);
  s.demo = row.integer(10) != 0;
  s.content_hash = row.text(11);
  s.submitted_at = row.text(15);
  s.recalled_at = row.text(16);
  s.recall_reason = row.text(17);
  return s;
}


bool visible_to(const auth::Viewer& viewer, const VersionSummary& s) {
  return auth::may_read_report(viewer, {s.reporting_state, s.status == "draft", s.status == "recalled",
                                        s.visibility == reports::Visibility::restricted});
}

}  // namespace att::reporting
