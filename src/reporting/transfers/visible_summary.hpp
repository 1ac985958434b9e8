// A summary of what the viewer may see and the filter asks for, read from the smallest table
// that answers it: the totals without partners when neither the filter nor the groups name a
// partner, else the totals with partners, and the lines themselves for a text search (totals
// keep no texts). The read rule is the first condition of the scan whichever table it reads.
#pragma once

#include "auth/viewer.hpp"
#include "core/states_register.hpp"
#include "reporting/transfers/line_table.hpp"
#include "reporting/transfers/query_budget.hpp"
#include "reporting/transfers/transfer_filter.hpp"
#include "reporting/transfers/transfer_summary.hpp"

namespace att::transfers {

struct SummaryQuestion {
  TransferFilter filter;
  std::vector<GroupField> group_by;
  std::vector<GroupOrder> order;
  std::size_t limit = 100;
  // Split by basis unless the filter names one basis (transfer_summary.hpp); a facet's counts
  // ask for no split.
  bool split_by_basis = true;
};

Summary summarise_visible(const LineTable& lines, const auth::Viewer& viewer, const SummaryQuestion& question,
                          const StatesRegister& states, const BudgetWatch& watch = BudgetWatch::unlimited());

// The table summarise_visible reads for `question`.
const LineTable& table_for_summary(const LineTable& lines, const SummaryQuestion& question);

}  // namespace att::transfers
