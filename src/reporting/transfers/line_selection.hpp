// The lines one query reads: those the viewer may see that match the filter. The viewer's read
// rule (auth::read_report_condition) is the scan's first condition, decided once per reporting
// State and table visibility, so that counts, groups, pages and text hits are all computed over
// the visible lines only; nothing is selected and then dropped.
#pragma once

#include <cstdint>
#include <vector>

#include "auth/viewer.hpp"
#include "core/states_register.hpp"
#include "reporting/transfers/line_table.hpp"
#include "reporting/transfers/query_budget.hpp"
#include "reporting/transfers/transfer_filter.hpp"

namespace att::transfers {

// Positions of the selected lines in the table, in table order. Throws OverBudget when the scan
// outlasts the watch's time.
std::vector<std::uint32_t> select_lines(const LineTable& table, const auth::Viewer& viewer,
                                        const TransferFilter& filter, const StatesRegister& states,
                                        const BudgetWatch& watch = BudgetWatch::unlimited());

}  // namespace att::transfers
