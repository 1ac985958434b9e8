#include "web/reporting/initial_questionnaire.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "io/file.hpp"
#include "io/templates_file.hpp"

namespace att::web {

namespace {

Wording wording_of(const nlohmann::json& labels) {
  Wording wording;
  for (const auto& [code, text] : labels.items())
    if (text.is_string()) wording[code] = text.get<std::string>();
  return wording;
}

}  // namespace

const SectionText* QuestionnaireText::section_of(const std::string& question_id) const {
  for (const auto& section : sections)
    for (const auto& question : section.questions)
      if (question.id == question_id) return &section;
  return nullptr;
}

std::string worded(const Wording& wording, Language language) {
  if (const auto found = wording.find(std::string(code_of(language))); found != wording.end()) return found->second;
  if (const auto english = wording.find("en"); english != wording.end()) return english->second;
  return {};
}

tl::expected<QuestionnaireText, std::string> load_questionnaire_text(const std::filesystem::path& template_file) {
  auto questionnaire = io::load_questionnaire(template_file);
  if (!questionnaire) return tl::unexpected(questionnaire.error());
  const auto contents = io::read_file(template_file);
  if (!contents) return tl::unexpected(contents.error());
  try {
    const auto json = nlohmann::json::parse(*contents);
    QuestionnaireText text;
    text.questionnaire = std::move(*questionnaire);
    if (json.contains("title")) text.title = wording_of(json["title"]);
    if (json.contains("explanation_field")) text.explanation = wording_of(json["explanation_field"].at("labels"));
    if (json.contains("answers"))
      for (const auto& [choice, value] : json["answers"].items()) text.choices.emplace_back(choice, wording_of(value.at("labels")));
    // The order of a yes/no question's answers is the form's: yes, no, not applicable.
    std::stable_sort(text.choices.begin(), text.choices.end(), [](const auto& a, const auto& b) {
      const auto rank = [](const std::string& c) { return c == "yes" ? 0 : c == "no" ? 1 : 2; };
      return rank(a.first) < rank(b.first);
    });
    if (json.contains("authorities"))
      for (const auto& authority : json["authorities"])
        text.authorities.emplace_back(authority.at("id").get<std::string>(), wording_of(authority.at("labels")));
    for (const auto& section : json.at("sections")) {
      if (!section.contains("questions")) continue;
      SectionText shown{section.at("id").get<std::string>(), wording_of(section.at("labels")), {}};
      for (const auto& question : section["questions"])
        shown.questions.push_back({question.at("id").get<std::string>(), question.at("type").get<std::string>(),
                                   question.value("binding", false), wording_of(question.at("labels"))});
      text.sections.push_back(std::move(shown));
    }
    return text;
  } catch (const nlohmann::json::exception& error) {
    return tl::unexpected(template_file.string() + ": " + error.what());
  }
}

}  // namespace att::web
