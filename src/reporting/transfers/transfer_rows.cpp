#include "reporting/transfers/transfer_rows.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

namespace att::transfers {

std::optional<RowField> row_field_from(std::string_view name) {
  static const std::map<std::string, RowField, std::less<>> fields{
      {"reporter", RowField::reporter},   {"partner", RowField::partner},   {"year", RowField::year},
      {"direction", RowField::direction}, {"category", RowField::category}, {"items", RowField::items},
      {"value", RowField::value},         {"currency", RowField::currency}, {"basis", RowField::basis},
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

// Text columns compare by their dictionary ranks, computed once per query.
struct Ranks {
  std::vector<std::uint32_t> states, categories, currencies;
};

int compare_ranks(std::uint32_t a, std::uint32_t b, bool descending) {
  if (a == b) return 0;
  return (a < b) == !descending ? -1 : 1;
}

int compare(const LineTable& t, const Ranks& r, std::uint32_t a, std::uint32_t b, const SortKey& key) {
  const bool d = key.descending;
  switch (key.field) {
    case RowField::reporter: return compare_ranks(r.states[t.reporter[a]], r.states[t.reporter[b]], d);
    case RowField::partner: return compare_ranks(r.states[t.partner[a]], r.states[t.partner[b]], d);
    case RowField::category: return compare_ranks(r.categories[t.category[a]], r.categories[t.category[b]], d);
    case RowField::currency: return compare_ranks(r.currencies[t.currency[a]], r.currencies[t.currency[b]], d);
    // "" < "actual" < "authorized", as the texts sort.
    case RowField::basis: {
      constexpr std::uint32_t place[] = {0, 2, 1};  // unknown, authorized, actual
      return compare_ranks(place[static_cast<int>(t.basis[a])], place[static_cast<int>(t.basis[b])], d);
    }
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
  Ranks ranks;
  if (!order.empty()) ranks = {table.states.ranks(), table.categories.ranks(), table.currencies.ranks()};
  const auto before = [&](std::uint32_t a, std::uint32_t b) {
    for (const auto& key : order)
      if (const int c = compare(table, ranks, a, b, key); c != 0) return c < 0;
    return a < b;
  };
  const auto end = std::min(selected.size(), offset + limit);
  if (!order.empty()) {
    // Only the page needs to be in order: the lines before it are only put before it.
    const auto first = selected.begin() + static_cast<std::ptrdiff_t>(offset);
    if (offset > 0) std::nth_element(selected.begin(), first, selected.end(), before);
    std::partial_sort(first, selected.begin() + static_cast<std::ptrdiff_t>(end), selected.end(), before);
  }
  page.lines.assign(selected.begin() + static_cast<std::ptrdiff_t>(offset),
                    selected.begin() + static_cast<std::ptrdiff_t>(end));
  return page;
}

}  // namespace att::transfers
