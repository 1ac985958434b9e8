#include "reporting/transfers/query_budget.hpp"

#include <string>

namespace att::transfers {

OverBudget::OverBudget(Kind kind, const QueryBudget& budget)
    : std::runtime_error(kind == Kind::time
                             ? "query over its time budget of " + std::to_string(budget.time.count()) + " ms"
                             : "query over its budget of " + std::to_string(budget.groups) + " groups"),
      kind_(kind),
      budget_(budget) {}

const BudgetWatch& BudgetWatch::unlimited() {
  static const BudgetWatch watch;
  return watch;
}

BudgetWatch::BudgetWatch(const QueryBudget& budget)
    : budget_(budget), deadline_(std::chrono::steady_clock::now() + budget.time) {}

void BudgetWatch::check_time() const {
  if (deadline_ && std::chrono::steady_clock::now() > *deadline_) throw OverBudget(OverBudget::Kind::time, budget_);
}

void BudgetWatch::check_groups(std::size_t groups) const {
  if (groups > budget_.groups) throw OverBudget(OverBudget::Kind::groups, budget_);
}

}  // namespace att::transfers
