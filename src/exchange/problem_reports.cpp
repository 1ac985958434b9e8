#include "exchange/problem_reports.hpp"

namespace att::exchange {

std::string_view to_string(ProblemCategory category) {
  switch (category) {
    case ProblemCategory::other: return "other";
    case ProblemCategory::error_message: return "error_message";
    case ProblemCategory::wrong_data: return "wrong_data";
    case ProblemCategory::hard_to_use: return "hard_to_use";
    case ProblemCategory::access: return "access";
  }
  return "other";
}

std::optional<ProblemCategory> problem_category_from_string(std::string_view text) {
  for (const auto category : all_problem_categories)
    if (to_string(category) == text) return category;
  return std::nullopt;
}

}  // namespace att::exchange
