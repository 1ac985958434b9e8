#include "reporting/attachments_store.hpp"

#include "auth/secrets.hpp"
#include "reporting/version_rows.hpp"

namespace att::reporting {

namespace {

constexpr const char* attachment_select =
    "SELECT a.id, v.version_no, a.file_name, a.media_type, a.byte_size, a.sha256, a.uploaded_by, a.uploaded_at,"
    " a.note FROM report_attachments a JOIN report_versions v ON v.id = a.version_id";

AttachmentSummary attachment_from(const store::Row& row) {
  AttachmentSummary a;
  a.id = row.integer(0);
  a.version_no = row.integer(1);
  a.file_name = row.text(2);
  a.media_type = row.text(3);
  a.byte_size = row.integer(4);
  a.sha256 = row.text(5);
  if (!row.is_null(6)) a.uploaded_by = row.integer(6);
  a.uploaded_at = row.text(7);
  a.note = row.text(8);
  return a;
}

}  // namespace

std::optional<VersionSummary> find_version(store::Database& db, const auth::Viewer& viewer, const std::string& state,
                                           int year, std::optional<std::int64_t> version_no) {
  // An original document holds both tables: it goes only to whoever may read all of the version.
  store::Params params;
  auto sql = annual_version_query(state, year, version_no, params);
  sql += wholly_readable_by(viewer, params);
  const auto rows = db.query(sql, params);
  if (rows.empty()) return std::nullopt;
  return summary_from(rows.front());
}

std::optional<AttachmentSummary> add_attachment(store::Database& db, const auth::Viewer& viewer,
                                                const std::string& state, int year,
                                                std::optional<std::int64_t> version_no, const NewAttachment& attachment,
                                                Timestamp now) {
  const auto version = find_version(db, viewer, state, year, version_no);
  if (!version || (version->status != reports::VersionStatus::submitted && version->status != reports::VersionStatus::superseded)) return std::nullopt;
  AttachmentSummary added;
  added.version_no = version->version_no;
  added.file_name = attachment.file_name;
  added.media_type = attachment.media_type;
  added.byte_size = static_cast<std::int64_t>(attachment.content.size());
  added.sha256 = auth::token_digest(attachment.content);  // SHA-256, hex
  added.uploaded_by = attachment.uploaded_by;
  added.uploaded_at = now.iso();
  added.note = attachment.note;
  added.id = db.query(
                   "INSERT INTO report_attachments (version_id, file_name, media_type, byte_size, sha256, uploaded_by,"
                   " uploaded_at, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                   {version->version_id, added.file_name, added.media_type, added.byte_size, added.sha256,
                    added.uploaded_by ? store::Value(*added.uploaded_by) : store::Value(nullptr), now.iso(), added.note})
                 .at(0)
                 .integer(0);
  db.execute("INSERT INTO report_attachment_contents (attachment_id, content) VALUES ($1, $2)",
             {added.id, store::Blob{attachment.content}});
  return added;
}

std::optional<std::pair<VersionSummary, std::vector<AttachmentSummary>>> list_attachments(
    store::Database& db, const auth::Viewer& viewer, const std::string& state, int year,
    std::optional<std::int64_t> version_no) {
  auto version = find_version(db, viewer, state, year, version_no);
  if (!version) return std::nullopt;
  std::vector<AttachmentSummary> attachments;
  for (const auto& row :
       db.query(std::string(attachment_select) + " WHERE a.version_id = $1 ORDER BY a.id", {version->version_id}))
    attachments.push_back(attachment_from(row));
  return std::make_pair(std::move(*version), std::move(attachments));
}

std::optional<AttachmentFile> read_attachment(store::Database& db, const auth::Viewer& viewer, const std::string& state,
                                              int year, std::int64_t attachment_id) {
  const auto rows = db.query(std::string(attachment_select) +
                                 " JOIN reports r ON r.id = v.report_id"
                                 " WHERE a.id = $1 AND r.reporting_state = $2 AND r.year = $3 AND r.type = 'annual'",
                             {attachment_id, state, std::int64_t{year}});
  if (rows.empty()) return std::nullopt;
  auto summary = attachment_from(rows.front());
  // The version decides, and only then is the file read.
  auto version = find_version(db, viewer, state, year, summary.version_no);
  if (!version) return std::nullopt;
  const auto content =
      db.query("SELECT content FROM report_attachment_contents WHERE attachment_id = $1", {attachment_id});
  if (content.empty()) return std::nullopt;
  return AttachmentFile{std::move(summary), std::move(*version), content.front().blob(0)};
}

}  // namespace att::reporting
