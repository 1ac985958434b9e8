#include "cli/messages.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "text/catalog.hpp"
#include "text/numbers.hpp"
#include "text/problem_text.hpp"

namespace att::cli {

// Read once, on the first message: commands that print nothing never need the web folder.
const text::Catalog& catalog() {
  static const text::Catalog loaded = [] {
    const char* dir = std::getenv("ATT_WEB_DIR");
    return text::Catalog::load(std::filesystem::path(dir && *dir ? dir : ATT_DEFAULT_WEB_DIR) / "i18n");
  }();
  return loaded;
}

namespace {

// Only ATT_LANG: a server's locale (LANG) should not change the language of its logs.
Language language() {
  const char* chosen = std::getenv("ATT_LANG");
  return chosen ? language_from_code(chosen).value_or(Language::en) : Language::en;
}

}  // namespace

std::string message(std::string_view key, const std::map<std::string, std::string>& values) {
  return catalog().text(language(), key, values);
}

std::string message(const Problem& problem) { return text::problem_message(catalog(), language(), problem); }

std::string located_problem(const std::string& file, const Problem& problem) {
  const auto line = problem.line ? ":" + std::to_string(problem.line) : std::string();
  return file + line + ": " + std::string(to_string(problem.severity)) + ": " + problem.column +
         (problem.column.empty() ? "" : ": ") + message(problem);
}

void print_problem(const std::string& file, const Problem& problem) {
  std::fprintf(stderr, "%s\n", located_problem(file, problem).c_str());
}

std::string number(std::string_view decimal) { return text::format_number(catalog(), language(), decimal); }

}  // namespace att::cli
