#include "exchange/notifications/news.hpp"

#include "auth/audience_rule.hpp"
#include "store/stored_timestamp.hpp"

namespace att::notifications {

namespace {

// The union of the four kinds of news, each part under the audience rule. $1 and $2 bound the
// window, $3 is the viewer (never a user id when anonymous); the rule appends its own parameters.
std::string news_sql(const auth::Viewer& viewer, const NewsWindow& window, store::Params& params) {
  params = {window.after.iso(), window.through.iso(), viewer.user_id.value_or(-1)};
  std::string sql =
      "SELECT a.kind, a.id, a.title, a.published_at, CAST(0 AS BIGINT), CAST(0 AS BIGINT),"
      " CAST(NULL AS TEXT), CAST('' AS TEXT)"
      " FROM announcements a WHERE a.published_at > $1 AND a.published_at <= $2 AND a.published_by <> $3 AND " +
      auth::sees_announcement_sql(viewer, "a.audience", params) +
      " UNION ALL SELECT 'document', d.id, d.title, v.published_at, v.version_no, CAST(0 AS BIGINT),"
      " CAST(NULL AS TEXT), CAST('' AS TEXT)"
      " FROM document_versions v JOIN documents d ON d.id = v.document_id"
      " WHERE v.published_at > $1 AND v.published_at <= $2 AND v.published_by <> $3 AND " +
      auth::sees_announcement_sql(viewer, "d.audience", params);
  if (window.with_comments)
    sql +=
        " UNION ALL SELECT 'comment', a.id, a.title, c.created_at, CAST(0 AS BIGINT), c.id, c.state_iso3,"
        " c.author_name"
        " FROM announcement_comments c JOIN announcements a ON a.id = c.announcement_id"
        " WHERE c.created_at > $1 AND c.created_at <= $2 AND c.author_id <> $3 AND " +
        auth::sees_announcement_sql(viewer, "a.audience", params);
  return sql;
}

NewsKind kind_of(std::string_view text) {
  for (const auto kind : {NewsKind::announcement, NewsKind::consultation, NewsKind::document, NewsKind::comment})
    if (to_string(kind) == text) return kind;
  return NewsKind::announcement;
}

}  // namespace

std::string_view to_string(NewsKind kind) {
  switch (kind) {
    case NewsKind::announcement: return "announcement";
    case NewsKind::consultation: return "consultation";
    case NewsKind::document: return "document";
    case NewsKind::comment: return "comment";
  }
  return "announcement";
}

std::vector<NewsItem> news_for(store::Database& db, const auth::Viewer& viewer, const NewsWindow& window,
                               std::size_t limit) {
  store::Params params;
  auto sql = news_sql(viewer, window, params);
  params.emplace_back(static_cast<std::int64_t>(limit));
  sql += " ORDER BY 4 DESC, 1, 2 DESC, 6 DESC LIMIT $" + std::to_string(params.size());
  std::vector<NewsItem> items;
  for (const auto& row : db.query(sql, params)) {
    NewsItem item;
    item.kind = kind_of(row.text(0));
    item.subject_id = row.integer(1);
    item.title = row.text(2);
    item.at = store::stored_timestamp(row.text(3));
    item.version_no = row.integer(4);
    item.comment_id = row.integer(5);
    item.state_iso3 = row.optional_text(6);
    item.author_name = row.text(7);
    items.push_back(std::move(item));
  }
  return items;
}

std::int64_t count_news(store::Database& db, const auth::Viewer& viewer, const NewsWindow& window) {
  store::Params params;
  const auto sql = "SELECT COUNT(*) FROM (" + news_sql(viewer, window, params) + ") news";
  return db.query(sql, params).front().integer(0);
}

std::string path_of(const NewsItem& item) {
  switch (item.kind) {
    case NewsKind::document: return "/documents/" + std::to_string(item.subject_id);
    case NewsKind::comment:
      return "/announcements/" + std::to_string(item.subject_id) + "#comment-" + std::to_string(item.comment_id);
    case NewsKind::announcement:
    case NewsKind::consultation: break;
  }
  return "/announcements/" + std::to_string(item.subject_id);
}

}  // namespace att::notifications
