// Totals of the selected lines by the fields asked for: lines, reports, items, and values per
// currency (amounts in different currencies are never added together).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/states_register.hpp"
#include "reporting/transfers/line_table.hpp"
#include "reporting/transfers/query_budget.hpp"

namespace att::transfers {

enum class GroupField { reporter, partner, year, category, direction, region, basis };
std::optional<GroupField> group_field_from(std::string_view name);
std::string_view to_string(GroupField field);

// What a group can be ordered by besides its keys.
enum class Measure { lines, reports, items };
std::optional<Measure> measure_from(std::string_view name);

struct GroupOrder {
  std::optional<GroupField> key;  // or else `measure`
  Measure measure = Measure::lines;
  bool descending = false;
};

struct SummaryGroup {
  std::vector<std::string> keys;  // in the order of group_by; a year in digits
  std::int64_t lines = 0;
  std::int64_t reports = 0;              // versions with a line in the group
  std::int64_t items = 0;                // of the lines that gave a number
  std::map<std::string, double> values;  // currency -> sum of the lines that gave a value
};

struct Summary {
  std::vector<GroupField> group_by;  // as asked, plus basis when it had to be added
  std::vector<SummaryGroup> groups;  // ordered, at most `limit`
  std::size_t total_groups = 0;
};

// Authorized and actual figures are never added together: unless the lines were selected for
// one basis only, the groups are split by basis (added to group_by when it is not there).
// Throws OverBudget past the watch's time or groups.
Summary summarise(const LineTable& table, const std::vector<std::uint32_t>& selected, std::vector<GroupField> group_by,
                  bool one_basis_selected, const std::vector<GroupOrder>& order, std::size_t limit,
                  const StatesRegister& states, const BudgetWatch& watch = BudgetWatch::unlimited());

}  // namespace att::transfers
