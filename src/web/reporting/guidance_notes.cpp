#include "web/reporting/guidance_notes.hpp"

#include "exchange/faq_store.hpp"

namespace att::web {

GuidanceNotes::GuidanceNotes(const AppContext& app, store::Database& db, Language language)
    : app_(app),
      language_(language),
      links_(exchange::load_guidance_links(app.data_dir)),
      existing_(exchange::current_faq_numbers(db)) {}

nlohmann::json GuidanceNotes::for_topic(std::string_view topic) const {
  const auto question = links_.question_for(topic, existing_);
  if (!question) return nullptr;
  const auto number = std::to_string(*question);
  return {{"href", "/faq/" + number},
          {"number", number},
          {"text", app_.catalog.text(language_, "faq.see_question", {{"number", number}})}};
}

nlohmann::json GuidanceNotes::for_finding(const Problem& problem) const {
  return for_topic("finding:" + problem.code);
}

}  // namespace att::web
