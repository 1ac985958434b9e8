#include "exchange/faq_store.hpp"

#include <set>
#include <utility>

#include "auth/policy.hpp"
#include "exchange/documents.hpp"
#include "store/stored_timestamp.hpp"

namespace att::exchange {

std::optional<std::int64_t> add_faq_revision(store::Database& db, const auth::Viewer& viewer,
                                             const std::string& meeting, const std::vector<FaqAnswer>& answers,
                                             Timestamp now) {
  if (!viewer.user_id || !auth::may(viewer, auth::Permission::publish_announcements) || answers.empty())
    return std::nullopt;
  std::set<std::pair<std::int64_t, std::string>> seen;
  for (const auto& a : answers) {
    if (a.number < 1 || !is_document_language(a.language) || !seen.emplace(a.number, a.language).second)
      return std::nullopt;
  }
  store::Transaction transaction(db);
  const auto id = db.query(
                        "INSERT INTO faq_revisions (meeting, published_by, published_at) VALUES ($1, $2, $3)"
                        " RETURNING id",
                        {meeting, *viewer.user_id, now.iso()})
                      .front()
                      .integer(0);
  for (const auto& a : answers)
    db.execute("INSERT INTO faq_answers (revision_id, number, language, question, answer) VALUES ($1, $2, $3, $4, $5)",
               {id, a.number, a.language, a.question, a.answer});
  transaction.commit();
  return id;
}

std::optional<FaqRevision> current_faq(store::Database& db, const std::string& language) {
  const auto revisions =
      db.query("SELECT id, meeting, published_at FROM faq_revisions ORDER BY published_at DESC, id DESC LIMIT 1");
  if (revisions.empty()) return std::nullopt;
  FaqRevision revision{
      revisions.front().integer(0), revisions.front().text(1), store::stored_timestamp(revisions.front().text(2)), {}};
  // Each number once: the requested language where there is one, English otherwise.
  for (const auto& row : db.query("SELECT a.number, a.language, a.question, a.answer FROM faq_answers a"
                                  " WHERE a.revision_id = $1 AND (a.language = $2 OR (a.language = 'en' AND NOT EXISTS"
                                  " (SELECT 1 FROM faq_answers t WHERE t.revision_id = a.revision_id"
                                  " AND t.number = a.number AND t.language = $2)))"
                                  " ORDER BY a.number",
                                  {revision.id, language}))
    revision.answers.push_back({row.integer(0), row.text(1), row.text(2), row.text(3)});
  return revision;
}

}  // namespace att::exchange
