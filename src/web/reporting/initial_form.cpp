#include "web/reporting/initial_form.hpp"

#include <algorithm>

namespace att::web {

namespace {

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace

std::string answer_field(const std::string& question_id, const std::string& part) {
  return "q." + question_id + "." + part;
}

std::string entries_text(const std::vector<std::string>& entries) {
  std::string text;
  for (const auto& entry : entries) text += (text.empty() ? "" : "\n") + entry;
  return text;
}

std::vector<std::string> entries_from_text(const std::string& text) {
  std::vector<std::string> entries;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = std::min(text.find('\n', start), text.size());
    if (auto entry = trimmed(text.substr(start, end - start)); !entry.empty()) entries.push_back(std::move(entry));
    start = end + 1;
  }
  return entries;
}

bool unexplained_not_applicable(const reports::Answer& answer) {
  return answer.choice == "na" && trimmed(answer.explanation).empty();
}

void apply_section(reports::InitialReport& report, const SectionText& section, const FormFields& fields) {
  for (const auto& question : section.questions) {
    reports::Answer answer;
    const auto choice = answer_field(question.id, "choice");
    const auto explanation = answer_field(question.id, "explanation");
    const auto entries = answer_field(question.id, "entries");
    for (const auto& [name, value] : fields) {
      if (name == choice) answer.choice = trimmed(value);
      else if (name == explanation) answer.explanation = trimmed(value);
      else if (name == entries) {
        // The authorities come one a field; a list comes as one text, one entry a line.
        for (auto& entry : entries_from_text(value)) answer.entries.push_back(std::move(entry));
      }
    }
    if (answer.choice.empty() && answer.explanation.empty() && answer.entries.empty()) report.answers.erase(question.id);
    else report.answers[question.id] = std::move(answer);
  }
  for (const auto& [name, value] : fields)
    if (name == "visibility")
      report.visibility = value == "public" ? reports::Visibility::public_report : reports::Visibility::restricted;
}

}  // namespace att::web
