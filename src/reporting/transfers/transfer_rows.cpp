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

#include "reporting/transfers/scan_parts.hpp"

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

// The sort keys packed into one number per selected line, when they fit in 64 bits (every key but
// items and value: codes by rank, years, directions, bases, version numbers), so that ordering a
// million lines compares integers. nullopt when they do not fit.
struct PackedKeys {
  std::vector<std::uint64_t> keys;  // by position in the selection
  unsigned bits = 0;                // how many low bits the keys use
};

std::optional<PackedKeys> packed_keys(const LineTable& table, const Ranks& ranks,
                                      const std::vector<std::uint32_t>& selected, const std::vector<SortKey>& order) {
  const auto bits_for = [](std::size_t count) {
    return static_cast<unsigned>(std::bit_width(std::max<std::size_t>(count, 1)));
  };
  std::uint64_t max_version = 0;
  int first_year = 0, last_year = 0;
  for (const auto& version : table.versions) {
    max_version = std::max(max_version, static_cast<std::uint64_t>(version.version_no));
    if (first_year == 0 || version.year < first_year) first_year = version.year;
    last_year = std::max(last_year, version.year);
  }
  std::vector<unsigned> widths;
  unsigned total = 0;
  for (const auto& key : order) {
    unsigned width = 0;
    switch (key.field) {
      case RowField::reporter:
      case RowField::partner: width = bits_for(table.states.size()); break;
      case RowField::category: width = bits_for(table.categories.size()); break;
      case RowField::currency: width = bits_for(table.currencies.size()); break;
      case RowField::year: width = bits_for(static_cast<std::size_t>(last_year - first_year + 1)); break;
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
  // Key k sits above the keys after it: shifted by the sum of their widths. A descending key
  // counts down from its largest value, (2^width - 1) - part: part with its bits flipped.
  std::vector<unsigned> shift(order.size(), 0);
  for (std::size_t k = order.size(); k-- > 1;) shift[k - 1] = shift[k] + widths[k];
  const auto placed = [&](std::size_t k, std::uint64_t part) {
    const std::uint64_t flip = order[k].descending ? (std::uint64_t{1} << widths[k]) - 1 : 0;
    return (part ^ flip) << shift[k];
  };
  // The keys a version fixes (reporter, year, version number) are placed once per version.
  std::vector<std::uint64_t> version_share(table.versions.size(), 0);
  for (std::size_t v = 0; v < table.versions.size(); ++v)
    for (std::size_t k = 0; k < order.size(); ++k) {
      const auto& version = table.versions[v];
      switch (order[k].field) {
        case RowField::reporter: version_share[v] |= placed(k, ranks.states[version.reporter]); break;
        case RowField::year:
          version_share[v] |= placed(k, static_cast<std::uint64_t>(version.year - first_year));
          break;
        case RowField::version: version_share[v] |= placed(k, static_cast<std::uint64_t>(version.version_no)); break;
        default: break;
      }
    }
  PackedKeys keyed{std::vector<std::uint64_t>(selected.size()), total};
  // Then key by key over a part of the selected lines: the field is decided once per key, not
  // per line.
  const auto parts = scan_part_count(selected.size());
  run_parts(parts, [&](std::size_t part) {
    const auto from = selected.size() * part / parts, to = selected.size() * (part + 1) / parts;
    for (auto j = from; j < to; ++j) keyed.keys[j] = version_share[table.version[selected[j]]];
    for (std::size_t k = 0; k < order.size(); ++k) {
      const auto add = [&](auto part_of) {
        for (auto j = from; j < to; ++j) keyed.keys[j] |= placed(k, static_cast<std::uint64_t>(part_of(selected[j])));
      };
      switch (order[k].field) {
        case RowField::partner: add([&](std::uint32_t line) { return ranks.states[table.partner[line]]; }); break;
        case RowField::category: add([&](std::uint32_t line) { return ranks.categories[table.category[line]]; }); break;
        case RowField::currency: add([&](std::uint32_t line) { return ranks.currencies[table.currency[line]]; }); break;
        case RowField::direction: add([&](std::uint32_t line) { return table.is_import[line]; }); break;
        case RowField::basis:
          add([&](std::uint32_t line) { return basis_place[static_cast<int>(table.basis[line])]; });
          break;
        case RowField::reporter:
        case RowField::year:
        case RowField::version:  // in the version's share
        case RowField::items:
        case RowField::value: break;
      }
    }
  });
  return keyed;
}

// The selected lines at positions [offset, end) of the order the keys give (ties in table order),
// without ordering the others: the keys' top bits are counted, the buckets holding those
// positions found from the counts, and only their lines sorted. Two passes over the keys,
// whatever the depth of the page.
std::vector<std::uint32_t> page_by_keys(const std::vector<std::uint32_t>& selected, const PackedKeys& packed,
                                        std::size_t offset, std::size_t end) {
  const unsigned top = std::min(packed.bits, 16U);
  const unsigned shift = packed.bits - top;
  std::vector<std::size_t> before(std::size_t{1} << top, 0);  // lines in lower buckets, once summed
  for (const auto key : packed.keys) ++before[key >> shift];
  std::size_t lower = 0;
  for (auto& count : before) lower += std::exchange(count, lower);
  const auto bucket_of = [&](std::size_t position) {  // the bucket holding that position
    return static_cast<std::uint64_t>(std::upper_bound(before.begin(), before.end(), position) - before.begin() - 1);
  };
  const auto first = bucket_of(offset), last = bucket_of(end - 1);
  std::vector<std::pair<std::uint64_t, std::uint32_t>> held;
  for (std::size_t j = 0; j < selected.size(); ++j)
    if (const auto bucket = packed.keys[j] >> shift; bucket >= first && bucket <= last)
      held.emplace_back(packed.keys[j], selected[j]);
  std::sort(held.begin(), held.end());
  std::vector<std::uint32_t> lines;
  const auto skip = offset - before[first];
  for (auto j = skip; j < skip + (end - offset); ++j) lines.push_back(held[j].second);
  return lines;
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
  if (const auto keyed = packed_keys(table, ranks, selected, order)) {
    page.lines = page_by_keys(selected, *keyed, offset, end);
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
