#include "reporting/transfers/transfer_summary.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <unordered_map>

namespace att::transfers {

namespace {

constexpr std::array<std::pair<std::string_view, GroupField>, 7> group_fields{{{"reporter", GroupField::reporter},
                                                                               {"partner", GroupField::partner},
                                                                               {"year", GroupField::year},
                                                                               {"category", GroupField::category},
                                                                               {"direction", GroupField::direction},
                                                                               {"region", GroupField::region},
                                                                               {"basis", GroupField::basis}}};

// A group's key: one number per field (a dictionary code, a year, a direction, a basis).
using Key = std::vector<std::uint32_t>;

struct KeyHash {
  std::size_t operator()(const Key& key) const {
    std::size_t hash = 1469598103934665603ULL;
    for (const auto part : key) hash = (hash ^ part) * 1099511628211ULL;
    return hash;
  }
};

struct Totals {
  std::int64_t lines = 0;
  std::int64_t reports = 0;
  std::int64_t items = 0;
  std::uint32_t last_version = UINT32_MAX;
  std::map<std::uint32_t, double> values;  // currency code -> sum
};

}  // namespace

std::optional<GroupField> group_field_from(std::string_view name) {
  for (const auto& [text, field] : group_fields)
    if (text == name) return field;
  return std::nullopt;
}

std::string_view to_string(GroupField field) {
  for (const auto& [text, known] : group_fields)
    if (known == field) return text;
  return "";
}

std::optional<Measure> measure_from(std::string_view name) {
  if (name == "lines") return Measure::lines;
  if (name == "reports") return Measure::reports;
  if (name == "items") return Measure::items;
  return std::nullopt;
}

Summary summarise(const LineTable& table, const std::vector<std::uint32_t>& selected, std::vector<GroupField> group_by,
                  bool one_basis_selected, const std::vector<GroupOrder>& order, std::size_t limit,
                  const StatesRegister& states) {
  if (!one_basis_selected && std::find(group_by.begin(), group_by.end(), GroupField::basis) == group_by.end())
    group_by.push_back(GroupField::basis);
  // Regions numbered per query, from the register, by reporter code.
  std::vector<std::string> regions{""};
  std::vector<std::uint32_t> region_of(table.states.size(), 0);
  for (std::uint32_t code = 0; code < table.states.size(); ++code) {
    const auto* state = states.find_by_code(table.states.text(code));
    if (!state) continue;
    const auto found = std::find(regions.begin(), regions.end(), state->region);
    region_of[code] = static_cast<std::uint32_t>(found - regions.begin());
    if (found == regions.end()) regions.push_back(state->region);
  }
  const auto part = [&](GroupField field, std::uint32_t line) -> std::uint32_t {
    switch (field) {
      case GroupField::reporter: return table.reporter[line];
      case GroupField::partner: return table.partner[line];
      case GroupField::year: return table.year[line];
      case GroupField::category: return table.category[line];
      case GroupField::direction: return table.is_import[line];
      case GroupField::region: return region_of[table.reporter[line]];
      case GroupField::basis: return static_cast<std::uint32_t>(table.basis[line]);
    }
    return 0;
  };
  const auto key_text = [&](GroupField field, std::uint32_t value) -> std::string {
    switch (field) {
      case GroupField::reporter:
      case GroupField::partner: return table.states.text(value);
      case GroupField::year: return std::to_string(value);
      case GroupField::category: return table.categories.text(value);
      case GroupField::direction: return value ? "import" : "export";
      case GroupField::region: return regions[value];
      case GroupField::basis: return std::string(to_string(static_cast<LineBasis>(value)));
    }
    return {};
  };

  std::unordered_map<Key, Totals, KeyHash> totals;
  Key key(group_by.size());
  for (const auto line : selected) {
    for (std::size_t f = 0; f < group_by.size(); ++f) key[f] = part(group_by[f], line);
    auto& t = totals[key];
    ++t.lines;
    // A version's lines are consecutive in the table: a group meets each version in one run.
    if (t.last_version != table.version[line]) {
      t.last_version = table.version[line];
      ++t.reports;
    }
    if (table.items[line] != no_items) t.items += table.items[line];
    if (!std::isnan(table.value[line])) t.values[table.currency[line]] += table.value[line];
  }

  struct Entry {
    const Key* key;
    const Totals* totals;
  };
  std::vector<Entry> entries;
  entries.reserve(totals.size());
  for (const auto& [k, t] : totals) entries.push_back({&k, &t});
  const auto compare_key = [&](const Entry& a, const Entry& b, std::size_t f) {
    if (group_by[f] == GroupField::year || group_by[f] == GroupField::direction || group_by[f] == GroupField::basis)
      return (*a.key)[f] < (*b.key)[f] ? -1 : (*a.key)[f] > (*b.key)[f] ? 1 : 0;
    return key_text(group_by[f], (*a.key)[f]).compare(key_text(group_by[f], (*b.key)[f]));
  };
  const auto measure = [](const Entry& e, Measure m) {
    return m == Measure::lines ? e.totals->lines : m == Measure::reports ? e.totals->reports : e.totals->items;
  };
  const auto before = [&](const Entry& a, const Entry& b) {
    for (const auto& o : order) {
      int c = 0;
      if (o.key) {
        const auto at = std::find(group_by.begin(), group_by.end(), *o.key);
        if (at == group_by.end()) continue;
        c = compare_key(a, b, static_cast<std::size_t>(at - group_by.begin()));
      } else {
        const auto x = measure(a, o.measure), y = measure(b, o.measure);
        c = x < y ? -1 : x > y ? 1 : 0;
      }
      if (c != 0) return o.descending ? c > 0 : c < 0;
    }
    // Then by the keys, so that the order never depends on the hash table.
    for (std::size_t f = 0; f < group_by.size(); ++f)
      if (const int c = compare_key(a, b, f); c != 0) return c < 0;
    return false;
  };
  const auto shown = std::min(limit, entries.size());
  std::partial_sort(entries.begin(), entries.begin() + static_cast<std::ptrdiff_t>(shown), entries.end(), before);

  Summary summary;
  summary.group_by = group_by;
  summary.total_groups = entries.size();
  for (std::size_t i = 0; i < shown; ++i) {
    const auto& [k, t] = entries[i];
    SummaryGroup group;
    for (std::size_t f = 0; f < group_by.size(); ++f) group.keys.push_back(key_text(group_by[f], (*k)[f]));
    group.lines = t->lines;
    group.reports = t->reports;
    group.items = t->items;
    for (const auto& [currency, sum] : t->values) group.values[table.currencies.text(currency)] += sum;
    summary.groups.push_back(std::move(group));
  }
  return summary;
}

}  // namespace att::transfers
