// The initial report's questionnaire as the reporting tool shows it: its sections in order (one
// step each), each question with its type and its wording in the three languages, the answers
// and the competent authorities to choose from. The wording is the template's own
// (data/templates/initial-*.json), as published by the treaty in its three languages; the
// page's own words come from the catalogue.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "core/language.hpp"
#include "core/reports/initial_report.hpp"

namespace att::web {

using Wording = std::map<std::string, std::string>;  // by language code: en, fr, es

struct QuestionText {
  std::string id;
  std::string type;  // yes_no_na, text, list, authorities
  bool binding = false;
  Wording wording;
};

struct SectionText {
  std::string id;
  Wording title;
  std::vector<QuestionText> questions;
};

struct QuestionnaireText {
  reports::Questionnaire questionnaire;  // what validation checks against
  Wording title;
  std::vector<SectionText> sections;  // only those with questions: the header is the page's own
  std::vector<std::pair<std::string, Wording>> choices;      // yes, no, na
  std::vector<std::pair<std::string, Wording>> authorities;  // in the template's order
  Wording explanation;

  // The section holding this question; nullptr when none does.
  [[nodiscard]] const SectionText* section_of(const std::string& question_id) const;
};

// The wording in `language`, else in English (a template may lack a translation).
std::string worded(const Wording& wording, Language language);

tl::expected<QuestionnaireText, std::string> load_questionnaire_text(const std::filesystem::path& template_file);

}  // namespace att::web
