#include "text/problem_text.hpp"

namespace att::text {

std::string problem_message(const Catalog& catalog, Language language, const Problem& problem) {
  return catalog.text(language, problem_text_key(problem.code), problem.params);
}

nlohmann::json problem_json(const Catalog& catalog, Language language, const Problem& problem) {
  nlohmann::json params = nlohmann::json::object();
  for (const auto& [name, value] : problem.params) params[name] = value;
  return {{"severity", to_string(problem.severity)},
          {"code", problem.code},
          {"section", problem.section},
          {"line", problem.line},
          {"column", problem.column},
          {"params", params},
          {"message", problem_message(catalog, language, problem)}};
}

nlohmann::json problems_json(const Catalog& catalog, Language language, const std::vector<Problem>& problems) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& problem : problems) list.push_back(problem_json(catalog, language, problem));
  return list;
}

std::vector<std::string> problem_codes_without_text(const Catalog& catalog) {
  std::vector<std::string> missing;
  for (const auto language : all_languages) {
    for (const auto code : all_problem_codes()) {
      const auto key = problem_text_key(code);
      if (!catalog.has(language, key)) missing.push_back(std::string(code_of(language)) + ": " + key);
    }
  }
  return missing;
}

}  // namespace att::text
