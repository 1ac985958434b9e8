// Problems in the reader's language: each code's text from the strings catalogue
// (problems.<code>), its placeholders filled with the problem's parameters. The one renderer of
// problems, for the API, the pages and the command line.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/language.hpp"
#include "core/problem.hpp"
#include "text/catalog.hpp"

namespace att::text {

std::string problem_message(const Catalog& catalog, Language language, const Problem& problem);

// {"severity", "code", "section", "line", "column", "params", "message"}.
nlohmann::json problem_json(const Catalog& catalog, Language language, const Problem& problem);
nlohmann::json problems_json(const Catalog& catalog, Language language, const std::vector<Problem>& problems);

// Codes of all_problem_codes() with no text in some language: "fr: problems.unknown_partner".
std::vector<std::string> problem_codes_without_text(const Catalog& catalog);

}  // namespace att::text
