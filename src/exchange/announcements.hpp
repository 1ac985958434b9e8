// Announcements and consultations of the information exchange, and the comments on them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/audience_rule.hpp"
#include "core/timestamp.hpp"

namespace att::exchange {

enum class Kind { announcement, consultation };
enum class Status { open, closed, archived };

std::string_view to_string(Kind kind);
std::optional<Kind> kind_from_string(std::string_view text);
std::string_view to_string(Status status);
std::optional<Status> status_from_string(std::string_view text);

struct NewAnnouncement {
  Kind kind = Kind::announcement;
  std::string title;
  std::string body;  // Markdown, rendered without raw HTML
  auth::Audience audience = auth::Audience::parties;
  std::optional<Timestamp> deadline;  // for comments; none: open until closed
  std::vector<std::string> sections;  // a consultation's draft sections, in order, numbered from 1
  std::vector<std::int64_t> documents;  // library documents attached, in order (announcement_documents)
};

struct Announcement {
  std::int64_t id = 0;
  Kind kind = Kind::announcement;
  std::string title;
  std::string body;
  auth::Audience audience = auth::Audience::parties;
  Status status = Status::open;
  std::optional<Timestamp> deadline;
  std::vector<std::string> sections;  // filled by find_announcement, not by lists
  std::int64_t published_by = 0;
  Timestamp published_at{std::chrono::sys_seconds{}};
  std::int64_t comment_count = 0;
};

struct Comment {
  std::int64_t id = 0;
  std::int64_t announcement_id = 0;
  std::optional<std::int64_t> reply_to;
  std::optional<std::int64_t> section;  // position in the announcement's sections
  std::int64_t author_id = 0;
  std::string author_name;
  std::optional<std::string> state_iso3;  // the State the author speaks for; none for an observer
  std::string body;
  Timestamp created_at{std::chrono::sys_seconds{}};
  std::optional<Timestamp> edited_at;
};

// An earlier wording of a comment, replaced at `replaced_at`.
struct CommentEdit {
  Timestamp replaced_at{std::chrono::sys_seconds{}};
  std::string previous_body;
};

// Comments are taken while the announcement is open and its deadline (if any) has not passed.
bool takes_comments(const Announcement& announcement, Timestamp now);

}  // namespace att::exchange
