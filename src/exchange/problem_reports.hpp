// Problems and inconveniences users report from any page of the platform, and the Secretariat's
// answers. A report is open until the Secretariat closes it.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/timestamp.hpp"

namespace att::exchange {

// What the reporter says the problem is about; `other` when they do not choose.
enum class ProblemCategory { other, error_message, wrong_data, hard_to_use, access };
inline constexpr std::array all_problem_categories{ProblemCategory::other, ProblemCategory::error_message,
                                                   ProblemCategory::wrong_data, ProblemCategory::hard_to_use,
                                                   ProblemCategory::access};

std::string_view to_string(ProblemCategory category);
std::optional<ProblemCategory> problem_category_from_string(std::string_view text);

struct NewProblemReport {
  std::string page;  // the same-origin path the reporter came from, or empty
  ProblemCategory category = ProblemCategory::other;
  std::string description;
};

struct ProblemAnswer {
  std::string author_name;
  std::string body;
  Timestamp answered_at;
};

struct ProblemReport {
  std::int64_t id = 0;
  std::int64_t reporter_id = 0;
  std::string reporter_name;
  std::string page;
  ProblemCategory category = ProblemCategory::other;
  std::string description;
  bool open = true;
  Timestamp reported_at;
  std::optional<Timestamp> closed_at;
  std::vector<ProblemAnswer> answers;  // oldest first; only filled by find_problem_report
};

}  // namespace att::exchange
