#include "reporting/transfers/transfer_mirror.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace att::transfers {

std::string_view to_string(Discrepancy discrepancy) {
  switch (discrepancy) {
    case Discrepancy::only_exporter: return "only_exporter";
    case Discrepancy::only_importer: return "only_importer";
    case Discrepancy::items_differ: return "items_differ";
    case Discrepancy::values_differ: return "values_differ";
  }
  return "";
}

namespace {

// (year, category, exporter, importer), as dictionary codes.
using PairKey = std::tuple<int, std::uint32_t, std::uint32_t, std::uint32_t>;

bool listed(const std::vector<std::string>& wanted, const std::string& code) {
  return wanted.empty() || std::find(wanted.begin(), wanted.end(), code) != wanted.end();
}

void add_line(MirrorSide& side, const LineTable& t, std::uint32_t line) {
  side.year = t.year[line];
  ++side.lines;
  if (t.items[line] != no_items) {
    side.items += t.items[line];
    side.gave_items = true;
  }
  if (!std::isnan(t.value[line])) side.values[t.currencies.text(t.currency[line])] += t.value[line];
  side.bases.insert(std::string(to_string(t.basis[line])));
}

std::set<std::string> currencies(const MirrorSide& side) {
  std::set<std::string> codes;
  for (const auto& [code, sum] : side.values) codes.insert(code);
  return codes;
}

void compare_sides(MirrorPair& pair) {
  if (!pair.importer_side) return pair.discrepancies.push_back(Discrepancy::only_exporter);
  if (!pair.exporter_side) return pair.discrepancies.push_back(Discrepancy::only_importer);
  const auto& e = *pair.exporter_side;
  const auto& i = *pair.importer_side;
  pair.basis_differs = e.bases != i.bases;
  pair.units_differ = e.gave_items != i.gave_items || currencies(e) != currencies(i);
  if (e.gave_items && i.gave_items && e.items != i.items) pair.discrepancies.push_back(Discrepancy::items_differ);
  if (!pair.units_differ) {
    for (const auto& [code, sum] : e.values)
      if (std::fabs(sum - i.values.at(code)) > 0.005) {
        pair.discrepancies.push_back(Discrepancy::values_differ);
        break;
      }
  }
}

}  // namespace

std::vector<MirrorPair> mirror(const LineTable& table, const std::vector<std::uint32_t>& selected,
                               const MirrorFilter& filter, const BudgetWatch& watch) {
  std::map<PairKey, MirrorSide> exported, imported;
  std::size_t scanned = 0;
  for (const auto line : selected) {
    if (++scanned % lines_between_checks == 0) {
      watch.check_time();
      watch.check_groups(exported.size() + imported.size());
    }
    const bool is_import = table.is_import[line] != 0;
    const auto exporter = is_import ? table.partner[line] : table.reporter[line];
    const auto importer = is_import ? table.reporter[line] : table.partner[line];
    if (!listed(filter.exporters, table.states.text(exporter)) ||
        !listed(filter.importers, table.states.text(importer)))
      continue;
    const PairKey key{table.year[line], table.category[line], exporter, importer};
    add_line((is_import ? imported : exported)[key], table, line);
  }
  std::vector<MirrorPair> pairs;
  const auto pair_of = [&](const PairKey& key, std::optional<MirrorSide> e, std::optional<MirrorSide> i) {
    MirrorPair pair;
    pair.year = std::get<0>(key);
    pair.category = table.categories.text(std::get<1>(key));
    pair.exporter = table.states.text(std::get<2>(key));
    pair.importer = table.states.text(std::get<3>(key));
    pair.exporter_side = std::move(e);
    pair.importer_side = std::move(i);
    compare_sides(pair);
    pairs.push_back(std::move(pair));
  };
  // Exact years first; then, with a tolerance, an exporter's year left alone meets an importer's
  // figure of the next year (shipped after it was authorized), else of the year before.
  for (auto e = exported.begin(); e != exported.end();) {
    auto i = imported.find(e->first);
    if (i == imported.end()) {
      ++e;
      continue;
    }
    pair_of(e->first, e->second, i->second);
    imported.erase(i);
    e = exported.erase(e);
  }
  for (const auto& [key, side] : exported) {
    std::optional<MirrorSide> match;
    for (const int shift : {1, -1}) {
      if (filter.year_tolerance == 0 || match) break;
      auto shifted = key;
      std::get<0>(shifted) += shift;
      if (const auto i = imported.find(shifted); i != imported.end()) {
        match = i->second;
        imported.erase(i);
      }
    }
    pair_of(key, side, match);
  }
  for (const auto& [key, side] : imported) pair_of(key, std::nullopt, side);
  watch.check_groups(pairs.size());
  std::sort(pairs.begin(), pairs.end(), [](const MirrorPair& a, const MirrorPair& b) {
    return std::tie(a.year, a.category, a.exporter, a.importer) < std::tie(b.year, b.category, b.exporter, b.importer);
  });
  return pairs;
}

}  // namespace att::transfers
