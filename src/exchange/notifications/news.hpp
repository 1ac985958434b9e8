// What is new in the information exchange for one viewer between two instants: announcements,
// consultations, document versions and comments on consultations. The audience rule is inside
// each part of the query (auth::sees_announcement_sql), so a consultation the viewer is outside
// of is never read: not its title, not its comments, not even in the count.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/viewer.hpp"
#include "core/timestamp.hpp"
#include "store/database.hpp"

namespace att::notifications {

enum class NewsKind { announcement, consultation, document, comment };

std::string_view to_string(NewsKind kind);  // "announcement", "consultation", "document", "comment"

struct NewsItem {
  NewsKind kind = NewsKind::announcement;
  std::int64_t subject_id = 0;  // the announcement (for a comment: the one commented on) or the document
  std::string title;            // of that announcement or document
  Timestamp at{std::chrono::sys_seconds{}};
  std::int64_t version_no = 0;            // a document's version
  std::int64_t comment_id = 0;            // a comment's own id
  std::optional<std::string> state_iso3;  // the State a comment speaks for
  std::string author_name;                // a comment's author
};

struct NewsWindow {
  Timestamp after{std::chrono::sys_seconds{}};    // excluded
  Timestamp through{std::chrono::sys_seconds{}};  // included
  bool with_comments = true;                      // immediate mails are about publications only
};

// Newest first, at most `limit`. The viewer's own publications and comments are not news to them.
std::vector<NewsItem> news_for(store::Database& db, const auth::Viewer& viewer, const NewsWindow& window,
                               std::size_t limit);
std::int64_t count_news(store::Database& db, const auth::Viewer& viewer, const NewsWindow& window);

// The page an item leads to: "/announcements/12#comment-40", "/documents/3".
std::string path_of(const NewsItem& item);

}  // namespace att::notifications
