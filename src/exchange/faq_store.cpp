#include "exchange/faq_store.hpp"

#include <algorithm>
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
  const auto id = db.query(
                        "INSERT INTO faq_revisions (meeting, published_by, published_at) VALUES ($1, $2, $3)"
                        " RETURNING id",
                        {meeting, *viewer.user_id, now.iso()})
                      .front()
                      .integer(0);
  for (const auto& a : answers)
    db.execute("INSERT INTO faq_answers (revision_id, number, language, question, answer) VALUES ($1, $2, $3, $4, $5)",
               {id, a.number, a.language, a.question, a.answer});
  return id;
}

namespace {

std::optional<std::int64_t> newest_revision(store::Database& db) {
  const auto rows = db.query("SELECT id FROM faq_revisions ORDER BY published_at DESC, id DESC LIMIT 1");
  if (rows.empty()) return std::nullopt;
  return rows.front().integer(0);
}

std::size_t language_position(const std::string& language) {
  return static_cast<std::size_t>(std::ranges::find(document_languages, language) - std::begin(document_languages));
}

bool same_wording(const std::vector<FaqAnswer>& a, const std::vector<FaqAnswer>& b) {
  return std::ranges::equal(a, b, [](const FaqAnswer& x, const FaqAnswer& y) {
    return x.language == y.language && x.question == y.question && x.answer == y.answer;
  });
}

}  // namespace

std::optional<std::int64_t> revise_faq_question(store::Database& db, const auth::Viewer& viewer,
                                                const std::string& meeting, std::int64_t number,
                                                const std::vector<FaqAnswer>& wordings, Timestamp now) {
  if (std::ranges::none_of(wordings, [](const FaqAnswer& a) { return a.language == "en"; })) return std::nullopt;
  std::vector<FaqAnswer> answers;
  for (auto wording : wordings) {
    if (wording.number != number) return std::nullopt;
    answers.push_back(std::move(wording));
  }
  if (const auto newest = newest_revision(db)) {
    for (const auto& row : db.query("SELECT number, language, question, answer FROM faq_answers"
                                    " WHERE revision_id = $1 AND number <> $2 ORDER BY number, language",
                                    {*newest, number}))
      answers.push_back({row.integer(0), row.text(1), row.text(2), row.text(3)});
  }
  return add_faq_revision(db, viewer, meeting, answers, now);
}

std::set<std::int64_t> current_faq_numbers(store::Database& db) {
  std::set<std::int64_t> numbers;
  if (const auto newest = newest_revision(db))
    for (const auto& row : db.query("SELECT DISTINCT number FROM faq_answers WHERE revision_id = $1", {*newest}))
      numbers.insert(row.integer(0));
  return numbers;
}

std::vector<FaqRevision> faq_question_history(store::Database& db, std::int64_t number) {
  std::vector<FaqRevision> history;  // oldest first while it is read
  for (const auto& row : db.query("SELECT r.id, r.meeting, r.published_at, a.language, a.question, a.answer"
                                  " FROM faq_revisions r JOIN faq_answers a ON a.revision_id = r.id"
                                  " WHERE a.number = $1 ORDER BY r.published_at, r.id",
                                  {number})) {
    if (history.empty() || history.back().id != row.integer(0))
      history.push_back({row.integer(0), row.text(1), store::stored_timestamp(row.text(2)), {}});
    history.back().answers.push_back({number, row.text(3), row.text(4), row.text(5)});
  }
  std::vector<FaqRevision> changed;
  for (auto& revision : history) {
    std::ranges::sort(revision.answers, {}, [](const FaqAnswer& a) { return language_position(a.language); });
    if (changed.empty() || !same_wording(changed.back().answers, revision.answers)) changed.push_back(std::move(revision));
  }
  std::ranges::reverse(changed);
  return changed;
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
