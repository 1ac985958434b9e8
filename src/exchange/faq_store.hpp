// The guidance on reporting obligations as structured questions and answers: numbered questions,
// each in English, French and Spanish, revised at each meeting. The numbers stay stable across
// revisions, so the reporting tool and the reminder letters can link to /faq/12 for good.
// The guidance is public.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "auth/viewer.hpp"
#include "core/timestamp.hpp"
#include "store/database.hpp"

namespace att::exchange {

struct FaqAnswer {
  std::int64_t number = 0;
  std::string language;  // "en", "fr" or "es"
  std::string question;
  std::string answer;  // Markdown, rendered without raw HTML
};

struct FaqRevision {
  std::int64_t id = 0;
  std::string meeting;  // the meeting that adopted it, e.g. "CSP10"
  Timestamp published_at{std::chrono::sys_seconds{}};
  std::vector<FaqAnswer> answers;  // of one language, by number
};

// A whole new revision (every question in every language it has). nullopt for a non-publisher,
// an empty list, an unknown language or a number twice in one language. Inside the caller's
// transaction, which holds its audit entry too.
std::optional<std::int64_t> add_faq_revision(store::Database& db, const auth::Viewer& viewer,
                                             const std::string& meeting, const std::vector<FaqAnswer>& answers,
                                             Timestamp now);

// A new revision, adopted at `meeting`, in which question `number` (an existing one or a new one)
// has the given wordings, one per language, English among them; a language left out has no
// wording, so English stands in for it. Every other question of the newest revision is carried
// over as it was, so the earlier revisions stay whole. nullopt as add_faq_revision, and without
// English. Inside the caller's transaction.
std::optional<std::int64_t> revise_faq_question(store::Database& db, const auth::Viewer& viewer,
                                                const std::string& meeting, std::int64_t number,
                                                const std::vector<FaqAnswer>& wordings, Timestamp now);

// The newest revision in `language`, falling back to English for a question not translated yet.
std::optional<FaqRevision> current_faq(store::Database& db, const std::string& language);

// The numbers of the questions of the newest revision: the ones a link may point to.
std::set<std::int64_t> current_faq_numbers(store::Database& db);

// Each wording question `number` has had, newest first: the revision that adopted it and its
// answers in every language, in the order of document_languages. A revision that carried the
// question over unchanged is not listed again.
std::vector<FaqRevision> faq_question_history(store::Database& db, std::int64_t number);

}  // namespace att::exchange
