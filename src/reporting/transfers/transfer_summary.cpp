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
  // Currency code and sum: a group rarely has more than a few, so a short list beats a map.
  std::vector<std::pair<std::uint32_t, double>> values;

  void add_value(std::uint32_t currency, double amount) {
    for (auto& [code, sum] : values)
      if (code == currency) {
        sum += amount;
        return;
      }
    values.emplace_back(currency, amount);
  }
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

namespace {

// How the lines' values of one grouping field are numbered for this query: `part` gives a number
// below `cardinality`, `rank` orders those numbers as their texts sort, `text` names them.
struct FieldCoding {
  std::size_t cardinality = 1;
  std::vector<std::uint32_t> rank;  // empty: the numbers are in order already
};

}  // namespace

Summary summarise(const LineTable& table, const std::vector<std::uint32_t>& selected, std::vector<GroupField> group_by,
                  bool one_basis_selected, const std::vector<GroupOrder>& order, std::size_t limit,
                  const StatesRegister& states, const BudgetWatch& watch) {
  if (!one_basis_selected && std::find(group_by.begin(), group_by.end(), GroupField::basis) == group_by.end())
    group_by.push_back(GroupField::basis);
  // Regions numbered per query, in alphabetical order, from the register, by reporter code.
  std::vector<std::string> regions{""};
  for (const auto& state : states.states())
    if (std::find(regions.begin(), regions.end(), state.region) == regions.end()) regions.push_back(state.region);
  std::sort(regions.begin(), regions.end());
  std::vector<std::uint32_t> region_of(table.states.size(), 0);
  for (std::uint32_t code = 0; code < table.states.size(); ++code)
    if (const auto* state = states.find_by_code(table.states.text(code)))
      region_of[code] =
          static_cast<std::uint32_t>(std::find(regions.begin(), regions.end(), state->region) - regions.begin());
  int first_year = 0, last_year = 0;
  for (const auto& version : table.versions) {
    if (first_year == 0 || version.year < first_year) first_year = version.year;
    last_year = std::max(last_year, version.year);
  }
  const auto state_ranks = table.states.ranks();
  const auto category_ranks = table.categories.ranks();
  std::vector<FieldCoding> coding;
  for (const auto field : group_by) {
    switch (field) {
      case GroupField::reporter:
      case GroupField::partner: coding.push_back({table.states.size(), state_ranks}); break;
      case GroupField::year: coding.push_back({static_cast<std::size_t>(last_year - first_year + 1), {}}); break;
      case GroupField::category: coding.push_back({table.categories.size(), category_ranks}); break;
      case GroupField::direction: coding.push_back({2, {}}); break;
      case GroupField::region: coding.push_back({regions.size(), {}}); break;
      case GroupField::basis: coding.push_back({3, {}}); break;
    }
  }
  const auto part = [&](GroupField field, std::uint32_t line) -> std::uint32_t {
    switch (field) {
      case GroupField::reporter: return table.reporter[line];
      case GroupField::partner: return table.partner[line];
      case GroupField::year: return static_cast<std::uint32_t>(table.year[line] - first_year);
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
      case GroupField::year: return std::to_string(static_cast<int>(value) + first_year);
      case GroupField::category: return table.categories.text(value);
      case GroupField::direction: return value ? "import" : "export";
      case GroupField::region: return regions[value];
      case GroupField::basis: return std::string(to_string(static_cast<LineBasis>(value)));
    }
    return {};
  };

  // Groups are found through a dense array when every combination of the fields' values fits in
  // a few million slots (the usual case: reporter x year x category is about half a million),
  // else through a hash table.
  constexpr std::size_t max_dense_slots = std::size_t{1} << 22;
  std::size_t slots = 1;
  for (const auto& c : coding)
    slots = slots > max_dense_slots / std::max<std::size_t>(c.cardinality, 1)
                ? max_dense_slots + 1
                : slots * std::max<std::size_t>(c.cardinality, 1);
  const bool dense = slots <= max_dense_slots;
  std::vector<std::int32_t> slot_of(dense ? slots : 0, -1);
  std::unordered_map<Key, std::int32_t, KeyHash> index_of;
  std::vector<Key> keys;
  std::vector<Totals> totals;
  Key key(group_by.size());
  std::size_t scanned = 0;
  for (const auto line : selected) {
    if (++scanned % lines_between_checks == 0) watch.check_time();
    std::size_t slot = 0;
    for (std::size_t f = 0; f < group_by.size(); ++f) {
      key[f] = part(group_by[f], line);
      slot = slot * coding[f].cardinality + key[f];
    }
    auto& index = dense ? slot_of[slot] : index_of.try_emplace(key, -1).first->second;
    if (index < 0) {
      index = static_cast<std::int32_t>(totals.size());
      watch.check_groups(totals.size() + 1);
      totals.emplace_back();
      keys.push_back(key);
    }
    auto& t = totals[static_cast<std::size_t>(index)];
    ++t.lines;
    // A version's lines are consecutive in the table: a group meets each version in one run.
    if (t.last_version != table.version[line]) {
      t.last_version = table.version[line];
      ++t.reports;
    }
    if (table.items[line] != no_items) t.items += table.items[line];
    if (!std::isnan(table.value[line])) t.add_value(table.currency[line], table.value[line]);
  }

  std::vector<std::uint32_t> entries(totals.size());
  for (std::uint32_t i = 0; i < entries.size(); ++i) entries[i] = i;
  const auto compare_key = [&](std::uint32_t a, std::uint32_t b, std::size_t f) {
    auto x = keys[a][f], y = keys[b][f];
    if (!coding[f].rank.empty()) x = coding[f].rank[x], y = coding[f].rank[y];
    return x < y ? -1 : x > y ? 1 : 0;
  };
  const auto measure = [&](std::uint32_t e, Measure m) {
    return m == Measure::lines ? totals[e].lines : m == Measure::reports ? totals[e].reports : totals[e].items;
  };
  const auto before = [&](std::uint32_t a, std::uint32_t b) {
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
    // Then by the keys, so that the order never depends on how the groups were found.
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
    const auto& t = totals[entries[i]];
    SummaryGroup group;
    for (std::size_t f = 0; f < group_by.size(); ++f) group.keys.push_back(key_text(group_by[f], keys[entries[i]][f]));
    group.lines = t.lines;
    group.reports = t.reports;
    group.items = t.items;
    for (const auto& [currency, sum] : t.values) group.values[table.currencies.text(currency)] += sum;
    summary.groups.push_back(std::move(group));
  }
  return summary;
}

}  // namespace att::transfers
