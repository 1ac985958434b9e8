#include "core/problem.hpp"

namespace att {

std::string_view to_string(Severity severity) { return severity == Severity::error ? "error" : "warning"; }

const std::vector<std::string_view>& all_problem_codes() {
#define ATT_PROBLEM_CODE_ENTRY(name) problem_codes::name,
  static const std::vector<std::string_view> codes{ATT_PROBLEM_CODES(ATT_PROBLEM_CODE_ENTRY)};
#undef ATT_PROBLEM_CODE_ENTRY
  return codes;
}

std::string problem_text_key(std::string_view code) { return "problems." + std::string(code); }

}  // namespace att
