// The initial report's form, one step (a section of the questionnaire) at a time: the fields a
// step posts, read back into the report. Field names: q.<question>.choice (yes, no, na; for a
// question without yes/no, a box that says "not applicable"), q.<question>.explanation,
// q.<question>.entries (a list, one entry a line; or the authorities ticked, one field each).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/reports/initial_report.hpp"
#include "web/reporting/initial_questionnaire.hpp"

namespace att::web {

using FormFields = std::vector<std::pair<std::string, std::string>>;

std::string answer_field(const std::string& question_id, const std::string& part);

// The answers of `section` as posted replace the report's answers to its questions (a question
// left empty loses its answer); other sections' answers are kept. `visibility` is read when
// posted (the first step).
void apply_section(reports::InitialReport& report, const SectionText& section, const FormFields& fields);

// The entries of a list as a textarea shows them, and back: one a line, blank lines dropped.
std::string entries_text(const std::vector<std::string>& entries);
std::vector<std::string> entries_from_text(const std::string& text);

// Answered "not applicable" without saying why: the form asks for the explanation.
bool unexplained_not_applicable(const reports::Answer& answer);

}  // namespace att::web
