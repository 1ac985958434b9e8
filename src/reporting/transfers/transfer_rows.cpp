#include "reporting/transfers/transfer_rows.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

namespace att::transfers {

std::optional<RowField> row_field_from(std::string_view name) {
  static const std::map<std::string, RowField, std::less<>> fields{
      {"reporter", RowField::reporter}, {"partner", RowField::partner},   {"year", RowField::year},
      {"direction", RowField::direction}, {"category", RowField::category}, {"items", RowField::items},
      {"value", RowField::value},       {"currency", RowField::currency}, {"basis", RowField::basis},
      {"version", RowField::version}};
  if (const auto found = fields.find(name); found != fields.end()) return found->second;
  return std::nullopt;
}

namespace {

// -1, 0, 1. Lines without a number (items, value) come last in either direction.
int compare_numbers(double a, double b, bool a_missing, bool b_missing, bool descending) {
  if (a_missing || b_missing) return a_missing == b_missing ? 0 : (a_missing ? 2 : -2);
  if (a == b) return 0;
  return (a < b) == !descending ? -1 : 1;
}

int compare_texts(const std::string& a, const std::string& b, bool descending) {
  const int c = a.compare(b);
  if (c == 0) return 0;
  return (c < 0) == !descending ? -1 : 1;
}

int compare(const LineTable& t, std::uint32_t a, std::uint32_t b, const SortKey& key) {
  const bool d = key.descending;
  switch (key.field) {
    case RowField::reporter: return compare_texts(t.states.text(t.reporter[a]), t.states.text(t.reporter[b]), d);
    case RowField::partner: return compare_texts(t.states.text(t.partner[a]), t.states.text(t.partner[b]), d);
    case RowField::category:
      return compare_texts(t.categories.text(t.category[a]), t.categories.text(t.category[b]), d);
    case RowField::currency:
      return compare_texts(t.currencies.text(t.currency[a]), t.currencies.text(t.currency[b]), d);
    case RowField::basis: return compare_texts(std::string(to_string(t.basis[a])), std::string(to_string(t.basis[b])), d);
    case RowField::year: return compare_numbers(t.year[a], t.year[b], false, false, d);
    case RowField::direction: return compare_numbers(t.is_import[a], t.is_import[b], false, false, d);
    case RowField::version:
      return compare_numbers(static_cast<double>(t.versions[t.version[a]].version_no),
                             static_cast<double>(t.versions[t.version[b]].version_no), false, false, d);
    case RowField::items:
      return compare_numbers(static_cast<double>(t.items[a]), static_cast<double>(t.items[b]), t.items[a] == no_items,
                             t.items[b] == no_items, d);
    case RowField::value:
      return compare_numbers(t.value[a], t.value[b], std::isnan(t.value[a]), std::isnan(t.value[b]), d);
  }
  return 0;
}

}  // namespace

RowPage page_of(const LineTable& table, std::vector<std::uint32_t> selected, const std::vector<SortKey>& order,
                std::size_t offset, std::size_t limit) {
  RowPage page;
  page.total = selected.size();
  if (offset >= selected.size()) return page;
  const auto before = [&](std::uint32_t a, std::uint32_t b) {
    for (const auto& key : order)
      if (const int c = compare(table, a, b, key); c != 0) return c < 0;
    return a < b;
  };
  const auto end = std::min(selected.size(), offset + limit);
  if (!order.empty()) {
    // Only the lines up to the end of the page need to be in order.
    std::partial_sort(selected.begin(), selected.begin() + static_cast<std::ptrdiff_t>(end), selected.end(), before);
  }
  page.lines.assign(selected.begin() + static_cast<std::ptrdiff_t>(offset),
                    selected.begin() + static_cast<std::ptrdiff_t>(end));
  return page;
}

}  // namespace att::transfers
