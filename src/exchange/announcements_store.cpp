#include "exchange/announcements_store.hpp"

#include "auth/policy.hpp"
#include "exchange/announcement_documents.hpp"
#include "store/stored_timestamp.hpp"

namespace att::exchange {

namespace {

using store::stored_timestamp;

// The columns read_announcement expects, on `announcements a`.
constexpr std::string_view announcement_columns =
    "a.id, a.kind, a.title, a.body, a.audience, a.status, a.deadline, a.published_by, a.published_at,"
    " (SELECT COUNT(*) FROM announcement_comments c WHERE c.announcement_id = a.id)";

std::optional<Timestamp> optional_timestamp(const store::Row& row, std::size_t column) {
  if (row.is_null(column)) return std::nullopt;
  return stored_timestamp(row.text(column));
}

Announcement read_announcement(const store::Row& row) {
  Announcement a;
  a.id = row.integer(0);
  a.kind = kind_from_string(row.text(1)).value_or(Kind::announcement);
  a.title = row.text(2);
  a.body = row.text(3);
  // An unknown audience in the table is treated as the narrowest one.
  a.audience = auth::audience_from_string(row.text(4)).value_or(auth::Audience::parties);
  a.status = status_from_string(row.text(5)).value_or(Status::archived);
  a.deadline = optional_timestamp(row, 6);
  a.published_by = row.integer(7);
  a.published_at = stored_timestamp(row.text(8));
  a.comment_count = row.integer(9);
  return a;
}

constexpr std::string_view comment_columns =
    "c.id, c.announcement_id, c.reply_to, c.section, c.author_id, c.author_name, c.state_iso3, c.body, c.created_at,"
    " c.edited_at";

Comment read_comment(const store::Row& row) {
  Comment c;
  c.id = row.integer(0);
  c.announcement_id = row.integer(1);
  if (!row.is_null(2)) c.reply_to = row.integer(2);
  if (!row.is_null(3)) c.section = row.integer(3);
  c.author_id = row.integer(4);
  c.author_name = row.text(5);
  c.state_iso3 = row.optional_text(6);
  c.body = row.text(7);
  c.created_at = stored_timestamp(row.text(8));
  c.edited_at = optional_timestamp(row, 9);
  return c;
}

std::optional<Comment> find_comment(store::Database& db, const auth::Viewer& viewer, std::int64_t comment_id) {
  store::Params params{comment_id};
  const auto sql = "SELECT " + std::string(comment_columns) +
                   " FROM announcement_comments c JOIN announcements a ON a.id = c.announcement_id"
                   " WHERE c.id = $1 AND " +
                   auth::sees_announcement_sql(viewer, "a.audience", params);
  const auto rows = db.query(sql, params);
  if (rows.empty()) return std::nullopt;
  return read_comment(rows.front());
}

bool has_text(std::string_view text) { return text.find_first_not_of(" \t\r\n") != std::string_view::npos; }

}  // namespace

std::optional<std::int64_t> publish(store::Database& db, const auth::Viewer& viewer,
                                    const NewAnnouncement& announcement, Timestamp now) {
  if (!viewer.user_id || !auth::may(viewer, auth::Permission::publish_announcements)) return std::nullopt;
  // Every document checked before anything is written, so that a refusal leaves nothing behind
  // even outside a transaction.
  for (const auto document_id : announcement.documents)
    if (!may_attach(db, viewer, document_id)) return std::nullopt;
  const auto id =
      db.query(
            "INSERT INTO announcements (kind, title, body, audience, status, deadline, published_by, published_at)"
            " VALUES ($1, $2, $3, $4, 'open', $5, $6, $7) RETURNING id",
            {std::string(to_string(announcement.kind)), announcement.title, announcement.body,
             std::string(auth::to_string(announcement.audience)),
             store::nullable(announcement.deadline ? std::optional(announcement.deadline->iso()) : std::nullopt),
             *viewer.user_id, now.iso()})
          .front()
          .integer(0);
  std::int64_t position = 0;
  for (const auto& section : announcement.sections) {
    db.execute("INSERT INTO announcement_sections (announcement_id, position, title) VALUES ($1, $2, $3)",
               {id, ++position, section});
  }
  for (const auto document_id : announcement.documents)
    if (attach_document(db, viewer, id, document_id, now) == AttachOutcome::unknown_document) return std::nullopt;
  return id;
}

bool set_status(store::Database& db, const auth::Viewer& viewer, std::int64_t id, Status status) {
  if (!auth::may(viewer, auth::Permission::publish_announcements)) return false;
  return !db.query("UPDATE announcements SET status = $1 WHERE id = $2 RETURNING id",
                   {std::string(to_string(status)), id})
              .empty();
}

std::optional<DeadlineChange> set_deadline(store::Database& db, const auth::Viewer& viewer, std::int64_t id,
                                           std::optional<Timestamp> deadline) {
  if (!auth::may(viewer, auth::Permission::publish_announcements)) return std::nullopt;
  const auto announcement = find_announcement(db, viewer, id);
  if (!announcement) return std::nullopt;
  db.execute("UPDATE announcements SET deadline = $1 WHERE id = $2",
             {store::nullable(deadline ? std::optional(deadline->iso()) : std::nullopt), id});
  return DeadlineChange{announcement->deadline, deadline};
}

std::vector<Announcement> announcements_for(store::Database& db, const auth::Viewer& viewer) {
  store::Params params;
  const auto sql = "SELECT " + std::string(announcement_columns) + " FROM announcements a WHERE " +
                   auth::sees_announcement_sql(viewer, "a.audience", params) +
                   " ORDER BY a.published_at DESC, a.id DESC";
  std::vector<Announcement> list;
  for (const auto& row : db.query(sql, params)) list.push_back(read_announcement(row));
  return list;
}

std::optional<Announcement> find_announcement(store::Database& db, const auth::Viewer& viewer, std::int64_t id) {
  store::Params params{id};
  const auto sql = "SELECT " + std::string(announcement_columns) + " FROM announcements a WHERE a.id = $1 AND " +
                   auth::sees_announcement_sql(viewer, "a.audience", params);
  const auto rows = db.query(sql, params);
  if (rows.empty()) return std::nullopt;
  auto announcement = read_announcement(rows.front());
  for (const auto& row :
       db.query("SELECT title FROM announcement_sections WHERE announcement_id = $1 ORDER BY position", {id}))
    announcement.sections.push_back(row.text(0));
  return announcement;
}

std::vector<Comment> comments_on(store::Database& db, const auth::Viewer& viewer, std::int64_t announcement_id) {
  store::Params params{announcement_id};
  const auto sql = "SELECT " + std::string(comment_columns) +
                   " FROM announcement_comments c JOIN announcements a ON a.id = c.announcement_id"
                   " WHERE c.announcement_id = $1 AND " +
                   auth::sees_announcement_sql(viewer, "a.audience", params) + " ORDER BY c.id";
  std::vector<Comment> comments;
  for (const auto& row : db.query(sql, params)) comments.push_back(read_comment(row));
  return comments;
}

std::vector<CommentEdit> edits_of(store::Database& db, const auth::Viewer& viewer, std::int64_t announcement_id,
                                  std::int64_t comment_id) {
  store::Params params{comment_id, announcement_id};
  const auto sql =
      "SELECT e.replaced_at, e.previous_body FROM announcement_comment_edits e"
      " JOIN announcement_comments c ON c.id = e.comment_id JOIN announcements a ON a.id = c.announcement_id"
      " WHERE e.comment_id = $1 AND c.announcement_id = $2 AND " +
      auth::sees_announcement_sql(viewer, "a.audience", params) + " ORDER BY e.id";
  std::vector<CommentEdit> edits;
  for (const auto& row : db.query(sql, params)) edits.push_back({stored_timestamp(row.text(0)), row.text(1)});
  return edits;
}

CommentResult add_comment(store::Database& db, const auth::Viewer& viewer, std::int64_t announcement_id,
                          const NewComment& comment, Timestamp now) {
  const auto announcement = find_announcement(db, viewer, announcement_id);
  if (!announcement) return {CommentOutcome::not_found};
  if (!auth::may_comment_on(viewer, announcement->audience)) return {CommentOutcome::refused};
  if (!takes_comments(*announcement, now)) return {CommentOutcome::read_only};
  if (!has_text(comment.body)) return {CommentOutcome::invalid};
  if (comment.section &&
      (*comment.section < 1 || *comment.section > static_cast<std::int64_t>(announcement->sections.size())))
    return {CommentOutcome::invalid};
  if (comment.reply_to) {
    const auto parent = find_comment(db, viewer, *comment.reply_to);
    if (!parent || parent->announcement_id != announcement_id) return {CommentOutcome::invalid};
  }
  const auto id = db.query(
                        "INSERT INTO announcement_comments"
                        " (announcement_id, reply_to, section, author_id, author_name, state_iso3, body, created_at)"
                        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                        {announcement_id, comment.reply_to ? store::Value{*comment.reply_to} : store::Value{nullptr},
                         comment.section ? store::Value{*comment.section} : store::Value{nullptr}, *viewer.user_id,
                         viewer.name, store::nullable(viewer.state_iso3), comment.body, now.iso()})
                      .front()
                      .integer(0);
  return {CommentOutcome::done, id};
}

CommentResult edit_comment(store::Database& db, const auth::Viewer& viewer, std::int64_t announcement_id,
                           std::int64_t comment_id, const std::string& body, Timestamp now) {
  const auto comment = find_comment(db, viewer, comment_id);
  if (!comment || comment->announcement_id != announcement_id) return {CommentOutcome::not_found};
  if (viewer.user_id != comment->author_id || viewer.roles.empty()) return {CommentOutcome::refused};
  const auto announcement = find_announcement(db, viewer, comment->announcement_id);
  if (!announcement) return {CommentOutcome::not_found};
  if (!takes_comments(*announcement, now)) return {CommentOutcome::read_only};
  if (!has_text(body)) return {CommentOutcome::invalid};
  store::Transaction transaction(db);
  db.execute("INSERT INTO announcement_comment_edits (comment_id, replaced_at, previous_body) VALUES ($1, $2, $3)",
             {comment_id, now.iso(), comment->body});
  db.execute("UPDATE announcement_comments SET body = $1, edited_at = $2 WHERE id = $3", {body, now.iso(), comment_id});
  transaction.commit();
  return {CommentOutcome::done, comment_id};
}

}  // namespace att::exchange
