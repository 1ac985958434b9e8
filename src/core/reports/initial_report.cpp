#include "core/reports/initial_report.hpp"

#include "core/ascii_text.hpp"

namespace att::reports {

const Question* Questionnaire::find(const std::string& question_id) const {
  for (const auto& question : questions) {
    if (question.id == question_id) return &question;
  }
  return nullptr;
}

namespace {

std::vector<const std::string*> texts_of(const Answer& answer) {
  std::vector<const std::string*> texts = {&answer.choice, &answer.explanation};
  for (const auto& entry : answer.entries) texts.push_back(&entry);
  return texts;
}

}  // namespace

ValidationResult validate(const InitialReport& report, const Questionnaire& questionnaire) {
  ValidationResult result;
  const auto add = [&](Severity severity, std::string_view code, std::string section, std::string column,
                       std::map<std::string, std::string> params) {
    result.findings.push_back({severity, std::string(code), std::move(section), 0, std::move(column), std::move(params)});
  };
  for (const auto& [id, answer] : report.answers) {
    const auto* question = questionnaire.find(id);
    if (!question) {
      add(Severity::error, problem_codes::unknown_question, "answers", id, {{"value", id}});
      continue;
    }
    if (question->type == "yes_no_na" && !answer.choice.empty() && !questionnaire.choices.contains(answer.choice))
      add(Severity::error, problem_codes::invalid_choice, question->section, id, {{"value", answer.choice}});
    if (question->type == "authorities") {
      for (const auto& entry : answer.entries) {
        if (!questionnaire.authorities.contains(entry))
          add(Severity::error, problem_codes::unknown_authority, question->section, id, {{"value", entry}});
      }
    }
    if (answer.explanation.size() > 4000) add(Severity::error, problem_codes::text_too_long, question->section, id, {{"max", "4000"}});
    // No control character (a NUL above all) in what is stored and shown as text.
    for (const auto* text : texts_of(answer)) {
      if (const auto at = first_control_character(*text); at != std::string_view::npos) {
        add(Severity::error, problem_codes::control_character, question->section, id,
            {{"field", id}, {"character", control_character_name((*text)[at])}});
        break;
      }
    }
  }
  // Binding questions need an answer; voluntary ones may stay empty.
  for (const auto& question : questionnaire.questions) {
    if (!question.binding) continue;
    const auto found = report.answers.find(question.id);
    const bool answered = found != report.answers.end() &&
                          (!found->second.choice.empty() || !found->second.explanation.empty() ||
                           !found->second.entries.empty());
    if (!answered) add(Severity::error, problem_codes::binding_unanswered, question.section, question.id, {{"value", question.id}});
  }
  return result;
}

}  // namespace att::reports
