#include "reporting/transfers/transfer_rows.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
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

namespace {

// The sort keys packed into one number per line, when they fit in 64 bits (every key but items
// and value: codes by rank, years, directions, bases, version numbers), so that ordering a
// million lines compares integers. nullopt when they do not fit.
std::optional<std::vector<std::pair<std::uint64_t, std::uint32_t>>> packed_keys(
    const LineTable& table, const Ranks& ranks, const std::vector<std::uint32_t>& selected,
    const std::vector<SortKey>& order) {
  const auto bits_for = [](std::size_t count) {
    return static_cast<unsigned>(std::bit_width(std::max<std::size_t>(count, 1)));
  };
  std::uint64_t max_version = 0;
  for (const auto& version : table.versions)
    max_version = std::max(max_version, static_cast<std::uint64_t>(version.version_no));
  std::vector<unsigned> widths;
  unsigned total = 0;
  for (const auto& key : order) {
    unsigned width = 0;
    switch (key.field) {
      case RowField::reporter:
      case RowField::partner: width = bits_for(table.states.size()); break;
      case RowField::category: width = bits_for(table.categories.size()); break;
      case RowField::currency: width = bits_for(table.currencies.size()); break;
      case RowField::year: width = 16; break;
      case RowField::direction: width = 1; break;
      case RowField::basis: width = 2; break;
      case RowField::version: width = bits_for(max_version + 1); break;
      case RowField::items:
      case RowField::value: return std::nullopt;
    }
    widths.push_back(width);
    total += width;
  }
  if (total > 64) return std::nullopt;
  constexpr std::uint32_t basis_place[] = {0, 2, 1};  // as compare() orders them
  std::vector<std::pair<std::uint64_t, std::uint32_t>> keyed;
  keyed.reserve(selected.size());
  for (const auto line : selected) {
    std::uint64_t packed = 0;
    for (std::size_t k = 0; k < order.size(); ++k) {
      std::uint64_t part = 0;
      switch (order[k].field) {
        case RowField::reporter: part = ranks.states[table.reporter[line]]; break;
        case RowField::partner: part = ranks.states[table.partner[line]]; break;
        case RowField::category: part = ranks.categories[table.category[line]]; break;
        case RowField::currency: part = ranks.currencies[table.currency[line]]; break;
        case RowField::year: part = table.year[line]; break;
        case RowField::direction: part = table.is_import[line]; break;
        case RowField::basis: part = basis_place[static_cast<int>(table.basis[line])]; break;
        case RowField::version:
          part = static_cast<std::uint64_t>(table.versions[table.version[line]].version_no);
          break;
        case RowField::items:
        case RowField::value: break;
      }
      const auto mask = widths[k] == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << widths[k]) - 1;
      if (order[k].descending) part = mask - part;
      packed = widths[k] == 64 ? part : (packed << widths[k]) | part;
    }
    keyed.emplace_back(packed, line);
  }
  return keyed;
}

// Puts the lines of [offset, end) in order, and only those: the lines before them are merely
// put before them.
template <typename Items, typename Before>
void order_page(Items& items, std::size_t offset, std::size_t end, Before before) {
  const auto first = items.begin() + static_cast<std::ptrdiff_t>(offset);
  if (offset > 0) std::nth_element(items.begin(), first, items.end(), before);
  std::partial_sort(first, items.begin() + static_cast<std::ptrdiff_t>(end), items.end(), before);
}

}  // namespace

RowPage page_of(const LineTable& table, std::vector<std::uint32_t> selected, const std::vector<SortKey>& order,
                std::size_t offset, std::size_t limit) {
  RowPage page;
  page.total = selected.size();
  if (offset >= selected.size()) return page;
  const auto end = std::min(selected.size(), offset + limit);
  const auto page_begin = static_cast<std::ptrdiff_t>(offset);
  const auto page_end = static_cast<std::ptrdiff_t>(end);
  if (order.empty()) {
    page.lines.assign(selected.begin() + page_begin, selected.begin() + page_end);
    return page;
  }
  const Ranks ranks{table.states.ranks(), table.categories.ranks(), table.currencies.ranks()};
  // Ties keep the table's order: the line's position is the last key either way.
  if (auto keyed = packed_keys(table, ranks, selected, order)) {
    order_page(*keyed, offset, end, std::less<>());
    for (auto at = keyed->begin() + page_begin; at != keyed->begin() + page_end; ++at) page.lines.push_back(at->second);
    return page;
  }
  order_page(selected, offset, end, [&](std::uint32_t a, std::uint32_t b) {
    for (const auto& key : order)
      if (const int c = compare(table, ranks, a, b, key); c != 0) return c < 0;
    return a < b;
  });
  page.lines.assign(selected.begin() + page_begin, selected.begin() + page_end);
  return page;
}

}  // namespace att::transfers
