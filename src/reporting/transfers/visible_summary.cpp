#include "reporting/transfers/visible_summary.hpp"

#include <algorithm>

#include "reporting/transfers/line_selection.hpp"

namespace att::transfers {

const LineTable& table_for_summary(const LineTable& lines, const SummaryQuestion& question) {
  if (!question.filter.text.empty()) return lines;
  const bool partners =
      !question.filter.partners.empty() ||
      std::find(question.group_by.begin(), question.group_by.end(), GroupField::partner) != question.group_by.end();
  if (!partners && lines.totals_without_partner) return *lines.totals_without_partner;
  if (lines.totals_with_partner) return *lines.totals_with_partner;
  return lines;
}

Summary summarise_visible(const LineTable& lines, const auth::Viewer& viewer, const SummaryQuestion& question,
                          const StatesRegister& states, const BudgetWatch& watch) {
  const auto& table = table_for_summary(lines, question);
  const auto selected = select_lines(table, viewer, question.filter, states, watch);
  const bool one_basis = !question.split_by_basis || question.filter.bases.size() == 1;
  return summarise(table, selected, question.group_by, one_basis, question.order, question.limit, states, watch);
}

}  // namespace att::transfers
