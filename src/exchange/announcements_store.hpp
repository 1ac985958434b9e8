// Announcements, consultations and comments in the database. Every read is for a Viewer and
// carries the audience rule inside its SQL: what the viewer may not see is never read, so an
// outsider cannot tell a consultation from one that does not exist.
#pragma once

#include "auth/viewer.hpp"
#include "exchange/announcements.hpp"
#include "store/database.hpp"

namespace att::exchange {

// nullopt when the viewer may not publish (chairs and the Secretariat do) or may not see one of
// the documents to attach. Runs inside the caller's transaction, which also holds the audit
// entry (web/exchange/announcement_changes.hpp): roll it back on nullopt and nothing is published.
std::optional<std::int64_t> publish(store::Database& db, const auth::Viewer& viewer, const NewAnnouncement& announcement,
                                    Timestamp now);
// Returns false where a non-publisher asks, or the announcement is not there for the viewer.
bool set_status(store::Database& db, const auth::Viewer& viewer, std::int64_t id, Status status);

// The deadline for comments as it was and as it is now.
struct DeadlineChange {
  std::optional<Timestamp> before;
  std::optional<Timestamp> after;
};
// A new deadline (none: open until closed), by chairs and the Secretariat, after publishing too.
// Comments are taken or refused by the deadline at the moment of writing, so a later deadline
// reopens commenting and editing until then and an earlier one closes them. nullopt where a
// non-publisher asks or the announcement is not there for the viewer.
std::optional<DeadlineChange> set_deadline(store::Database& db, const auth::Viewer& viewer, std::int64_t id,
                                           std::optional<Timestamp> deadline);

// Newest first, each with the number of its comments.
std::vector<Announcement> announcements_for(store::Database& db, const auth::Viewer& viewer);
std::optional<Announcement> find_announcement(store::Database& db, const auth::Viewer& viewer, std::int64_t id);
// Oldest first; empty both for an announcement without comments and for one the viewer is outside of.
std::vector<Comment> comments_on(store::Database& db, const auth::Viewer& viewer, std::int64_t announcement_id);
// Oldest first; empty where the viewer may not see the comment or it is not on that announcement.
std::vector<CommentEdit> edits_of(store::Database& db, const auth::Viewer& viewer, std::int64_t announcement_id,
                                  std::int64_t comment_id);

enum class CommentOutcome {
  done,
  not_found,  // no such announcement or comment for this viewer: outsiders learn nothing more
  refused,    // inside the audience but may not comment (an anonymous reader, another's comment)
  read_only,  // closed, archived or past its deadline
  invalid,    // empty text, an unknown section, a reply to a comment elsewhere
};

struct NewComment {
  std::string body;
  std::optional<std::int64_t> reply_to;
  std::optional<std::int64_t> section;
};

struct CommentResult {
  CommentOutcome outcome = CommentOutcome::not_found;
  std::int64_t comment_id = 0;  // when done
};

CommentResult add_comment(store::Database& db, const auth::Viewer& viewer, std::int64_t announcement_id,
                          const NewComment& comment, Timestamp now);
// Only by its author, while the announcement takes comments; the earlier wording is kept. A
// comment that is not on `announcement_id` is not_found.
CommentResult edit_comment(store::Database& db, const auth::Viewer& viewer, std::int64_t announcement_id,
                           std::int64_t comment_id, const std::string& body, Timestamp now);

}  // namespace att::exchange
