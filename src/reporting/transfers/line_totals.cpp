#include "reporting/transfers/line_totals.hpp"

#include <cmath>
#include <functional>
#include <unordered_map>
#include <utility>

namespace att::transfers {

LineTable totals_of(const LineTable& lines, bool with_partner) {
  LineTable totals;
  totals.states = lines.states;
  totals.categories = lines.categories;
  totals.currencies = lines.currencies;
  // Where a version's lines go among its rows, by the rest of the row's key in two numbers.
  using Key = std::pair<std::uint64_t, std::uint64_t>;
  struct KeyHash {
    std::size_t operator()(const Key& key) const {
      return std::hash<std::uint64_t>()(key.first * 0x9E3779B97F4A7C15ULL ^ key.second);
    }
  };
  std::unordered_map<Key, std::uint32_t, KeyHash> row_of;
  constexpr std::uint32_t no_value = UINT32_MAX;  // in place of a currency: the line gave no value
  for (std::uint32_t v = 0; v < lines.versions.size(); ++v) {
    auto entry = lines.versions[v];
    const auto first = entry.first_line, count = entry.line_count;
    entry.first_line = totals.size();
    row_of.clear();
    for (auto line = first; line < first + count; ++line) {
      const bool valued = !std::isnan(lines.value[line]);
      const Key key{static_cast<std::uint64_t>(with_partner ? lines.partner[line] : 0) << 32 |
                        (valued ? lines.currency[line] : no_value),
                    static_cast<std::uint64_t>(lines.category[line]) << 4 |
                        static_cast<std::uint64_t>(lines.basis[line]) << 2 |
                        static_cast<std::uint64_t>(lines.is_import[line]) << 1 | lines.restricted[line]};
      auto [at, added] = row_of.try_emplace(key, static_cast<std::uint32_t>(totals.size()));
      if (added) {
        totals.version.push_back(v);
        totals.reporter.push_back(lines.reporter[line]);
        totals.partner.push_back(with_partner ? lines.partner[line] : 0);
        totals.category.push_back(lines.category[line]);
        totals.currency.push_back(lines.currency[line]);
        totals.year.push_back(lines.year[line]);
        totals.is_import.push_back(lines.is_import[line]);
        totals.restricted.push_back(lines.restricted[line]);
        totals.basis.push_back(lines.basis[line]);
        totals.items.push_back(0);
        totals.value.push_back(valued ? 0.0 : std::nan(""));
        totals.weight.push_back(0);
      }
      const auto row = at->second;
      ++totals.weight[row];
      if (lines.items[line] != no_items) totals.items[row] += lines.items[line];
      if (valued) totals.value[row] += lines.value[line];
    }
    entry.line_count = totals.size() - entry.first_line;
    totals.versions.push_back(entry);
  }
  return totals;
}

}  // namespace att::transfers
