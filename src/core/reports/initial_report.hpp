// The initial report (Article 13(1)): answers to a questionnaire on the measures a State has
// taken to implement the treaty. A later initial report updates an earlier one.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/reports/annual_report.hpp"
#include "core/reports/validation.hpp"

namespace att::reports {

struct Answer {
  std::string choice;                // yes, no, na (for yes/no/not-applicable questions)
  std::string explanation;           // free text
  std::vector<std::string> entries;  // a list (laws, ...) or the competent authorities chosen
};

struct InitialReport {
  std::string reporting_state;
  std::string template_id;
  bool updates_earlier = false;
  Visibility visibility = Visibility::restricted;
  std::map<std::string, Answer> answers;  // by question id
};

struct Question {
  std::string id;
  std::string section;
  std::string type;  // yes_no_na, text, list, authorities
  bool binding = false;
};

struct Questionnaire {
  std::string id;
  std::vector<Question> questions;
  std::set<std::string> choices;      // yes, no, na
  std::set<std::string> authorities;  // customs_finance, defence, ...
  [[nodiscard]] const Question* find(const std::string& id) const;
};

// Findings use the section of the question, its id as the column, and line 0.
ValidationResult validate(const InitialReport& report, const Questionnaire& questionnaire);

}  // namespace att::reports
