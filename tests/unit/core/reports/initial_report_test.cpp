#include <gtest/gtest.h>

#include <algorithm>

#include "core/reports/initial_report.hpp"
#include "io/templates_file.hpp"

namespace att::reports {
namespace {

const Questionnaire& questionnaire() {
  static const Questionnaire loaded = [] {
    auto result = io::load_questionnaire(std::string(ATT_DATA_DIR) + "/templates/initial-2015.json");
    if (!result) throw std::runtime_error(result.error());
    return std::move(*result);
  }();
  return loaded;
}

// An answer to every binding question, as a complete report would have.
InitialReport complete_report() {
  InitialReport report;
  report.reporting_state = "FRA";
  report.template_id = "initial-2015";
  for (const auto& question : questionnaire().questions) {
    if (!question.binding) continue;
    Answer answer;
    if (question.type == "yes_no_na") answer.choice = "yes";
    else if (question.type == "authorities") answer.entries = {"defence"};
    else answer.explanation = "See the national law of 2014.";
    report.answers[question.id] = answer;
  }
  return report;
}

std::vector<std::string> codes(const ValidationResult& result) {
  std::vector<std::string> list;
  for (const auto& finding : result.findings) list.push_back(finding.code);
  return list;
}

TEST(InitialReport, QuestionnaireHasTwelveThemesAndBindingQuestions) {
  std::set<std::string> sections;
  int binding = 0;
  for (const auto& question : questionnaire().questions) {
    sections.insert(question.section);
    binding += question.binding;
  }
  EXPECT_EQ(sections.size(), 12u);
  EXPECT_GT(binding, 10);
  EXPECT_TRUE(questionnaire().choices.contains("na"));
  EXPECT_TRUE(questionnaire().authorities.contains("customs_finance"));
}

TEST(InitialReport, CompleteReportIsValid) { EXPECT_TRUE(validate(complete_report(), questionnaire()).findings.empty()); }

TEST(InitialReport, EveryBindingQuestionMustBeAnswered) {
  auto report = complete_report();
  const auto first_binding = report.answers.begin()->first;
  report.answers.erase(report.answers.begin());
  const auto result = validate(report, questionnaire());
  ASSERT_EQ(codes(result), std::vector<std::string>{"binding_unanswered"});
  EXPECT_EQ(result.findings[0].column, first_binding);
}

TEST(InitialReport, UnknownQuestionsChoicesAndAuthoritiesAreErrors) {
  auto report = complete_report();
  report.answers["zz.99"] = {"yes", "", {}};
  const auto yes_no = std::find_if(questionnaire().questions.begin(), questionnaire().questions.end(),
                                   [](const auto& q) { return q.type == "yes_no_na"; });
  report.answers[yes_no->id].choice = "maybe";
  const auto authorities = std::find_if(questionnaire().questions.begin(), questionnaire().questions.end(),
                                        [](const auto& q) { return q.type == "authorities"; });
  report.answers[authorities->id].entries = {"ministry_of_magic"};
  auto found = codes(validate(report, questionnaire()));
  std::sort(found.begin(), found.end());
  EXPECT_EQ(found, (std::vector<std::string>{"invalid_choice", "unknown_authority", "unknown_question"}));
}

}  // namespace
}  // namespace att::reports
