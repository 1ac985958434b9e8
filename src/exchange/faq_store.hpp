// The guidance on reporting obligations as structured questions and answers: numbered questions,
// each in English, French and Spanish, revised at each meeting. The numbers stay stable across
// revisions, so the reporting tool and the reminder letters can link to /faq/12 for good.
// The guidance is public.
#pragma once

#include <cstdint>
#include <optional>
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
// an empty list, an unknown language or a number twice in one language.
std::optional<std::int64_t> add_faq_revision(store::Database& db, const auth::Viewer& viewer,
                                             const std::string& meeting, const std::vector<FaqAnswer>& answers,
                                             Timestamp now);

// The newest revision in `language`, falling back to English for a question not translated yet.
std::optional<FaqRevision> current_faq(store::Database& db, const std::string& language);

}  // namespace att::exchange
