// A page of transfer lines: the selected lines in the order asked for, and how many there are.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "reporting/transfers/line_table.hpp"

namespace att::transfers {

enum class RowField { reporter, partner, year, direction, category, items, value, currency, basis, version };
std::optional<RowField> row_field_from(std::string_view name);

struct SortKey {
  RowField field = RowField::reporter;
  bool descending = false;
};

struct RowPage {
  std::vector<std::uint32_t> lines;  // positions in the table
  std::size_t total = 0;             // selected lines, before paging
};

// Ties keep the table's order (by version, then line), so pages never overlap or skip a line.
RowPage page_of(const LineTable& table, std::vector<std::uint32_t> selected, const std::vector<SortKey>& order,
                std::size_t offset, std::size_t limit);

}  // namespace att::transfers
