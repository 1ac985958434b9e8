// What one query of the transfers read model may spend. The lines are shared and read-only, so
// a query's own memory is its selection and its groups (a summary's or a mirror's): the budget
// caps the time and the groups. A query over budget stops with OverBudget, and the caller says
// so, instead of answering late or taking the server's memory (att serve --query-time-ms,
// --query-groups).
#pragma once

#include <chrono>
#include <cstddef>
#include <limits>
#include <optional>
#include <stdexcept>

namespace att::transfers {

struct QueryBudget {
  std::chrono::milliseconds time{2'000};
  std::size_t groups = 500'000;
};

class OverBudget : public std::runtime_error {
 public:
  enum class Kind { time, groups };
  OverBudget(Kind kind, const QueryBudget& budget);
  [[nodiscard]] Kind kind() const { return kind_; }
  [[nodiscard]] const QueryBudget& budget() const { return budget_; }

 private:
  Kind kind_;
  QueryBudget budget_;
};

// One query's budget, from the moment it started. The scans check it between blocks of lines.
class BudgetWatch {
 public:
  // No limit: for the CLI and the tests of the model itself.
  static const BudgetWatch& unlimited();
  explicit BudgetWatch(const QueryBudget& budget);

  void check_time() const;
  void check_groups(std::size_t groups) const;

 private:
  BudgetWatch() = default;
  QueryBudget budget_{std::chrono::milliseconds::max(), std::numeric_limits<std::size_t>::max()};
  std::optional<std::chrono::steady_clock::time_point> deadline_;
};

// How many lines a scan reads between two looks at the clock: enough that the look costs
// nothing, few enough that an over-budget query stops within about a millisecond.
inline constexpr std::size_t lines_between_checks = 64 * 1024;

}  // namespace att::transfers
