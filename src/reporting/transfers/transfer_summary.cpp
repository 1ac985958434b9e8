#include "reporting/transfers/transfer_summary.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <map>
#include <numeric>
#include <span>
#include <unordered_map>

#include "reporting/transfers/scan_parts.hpp"

namespace att::transfers {

namespace {

constexpr std::array<std::pair<std::string_view, GroupField>, 7> group_fields{{{"reporter", GroupField::reporter},
                                                                               {"partner", GroupField::partner},
                                                                               {"year", GroupField::year},
                                                                               {"category", GroupField::category},
                                                                               {"direction", GroupField::direction},
                                                                               {"region", GroupField::region},
                                                                               {"basis", GroupField::basis}}};

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

// How one grouping field numbers its values for this query: `rank[code]` is the value's place in
// the order its texts sort (so that a group's slot, below, orders groups as their keys do), and
// `text[rank]` names it.
struct FieldCoding {
  std::vector<std::uint32_t> rank;
  std::vector<std::string> text;
  [[nodiscard]] std::uint64_t cardinality() const { return std::max<std::size_t>(text.size(), 1); }
};

FieldCoding by_dictionary(const Dictionary& dictionary) {
  FieldCoding coding{dictionary.ranks(), std::vector<std::string>(dictionary.size())};
  for (std::uint32_t code = 0; code < dictionary.size(); ++code) coding.text[coding.rank[code]] = dictionary.text(code);
  return coding;
}

FieldCoding by_identity(std::vector<std::string> texts) {
  FieldCoding coding{std::vector<std::uint32_t>(texts.size()), std::move(texts)};
  std::iota(coding.rank.begin(), coding.rank.end(), 0U);
  return coding;
}

// The reporter's region, numbered in the regions' alphabetical order, by State code.
FieldCoding by_region(const LineTable& table, const StatesRegister& states) {
  std::vector<std::string> regions{""};
  for (const auto& state : states.states())
    if (std::find(regions.begin(), regions.end(), state.region) == regions.end()) regions.push_back(state.region);
  std::sort(regions.begin(), regions.end());
  FieldCoding coding{std::vector<std::uint32_t>(table.states.size(), 0), std::move(regions)};
  for (std::uint32_t code = 0; code < table.states.size(); ++code)
    if (const auto* state = states.find_by_code(table.states.text(code)))
      coding.rank[code] = static_cast<std::uint32_t>(std::find(coding.text.begin(), coding.text.end(), state->region) -
                                                     coding.text.begin());
  return coding;
}

// Years from the table's first: rank = year - first.
FieldCoding by_year(const LineTable& table, int& first_year) {
  int last_year = 0;
  first_year = 0;
  for (const auto& version : table.versions) {
    if (first_year == 0 || version.year < first_year) first_year = version.year;
    last_year = std::max(last_year, version.year);
  }
  std::vector<std::string> texts;
  for (int year = first_year; year <= last_year; ++year) texts.push_back(std::to_string(year));
  return by_identity(std::move(texts));
}

FieldCoding coding_of(GroupField field, const LineTable& table, const StatesRegister& states, int& first_year) {
  switch (field) {
    case GroupField::reporter:
    case GroupField::partner: return by_dictionary(table.states);
    case GroupField::category: return by_dictionary(table.categories);
    case GroupField::year: return by_year(table, first_year);
    case GroupField::direction: return by_identity({"export", "import"});
    case GroupField::region: return by_region(table, states);
    case GroupField::basis: {
      // By LineBasis (unknown, authorized, actual), ranked as their texts sort: "", actual, authorized.
      return FieldCoding{
          {0, 2, 1}, {"", std::string(to_string(LineBasis::actual)), std::string(to_string(LineBasis::authorized))}};
    }
  }
  return {};
}

// Whether a field's value is the same for every line of a version (its reporter, the reporter's
// region, the year).
bool fixed_by_version(GroupField field) {
  return field == GroupField::reporter || field == GroupField::region || field == GroupField::year;
}

// What the fields fixed by the version add to the slot of each of its lines.
std::vector<std::uint64_t> version_shares(const LineTable& table, const std::vector<GroupField>& group_by,
                                          const std::vector<FieldCoding>& coding,
                                          const std::vector<std::uint64_t>& stride, int first_year) {
  std::vector<std::uint64_t> shares(table.versions.size(), 0);
  for (std::size_t f = 0; f < group_by.size(); ++f)
    for (std::size_t v = 0; v < shares.size(); ++v) {
      const auto& version = table.versions[v];
      if (group_by[f] == GroupField::year)
        shares[v] += static_cast<std::uint64_t>(version.year - first_year) * stride[f];
      else if (fixed_by_version(group_by[f]))
        shares[v] += coding[f].rank[version.reporter] * stride[f];
    }
  return shares;
}

// slots[j] += stride * the rank of selected line j's value of `field`, one column at a time: the
// field is decided once per query, not once per line.
void add_field_to_slots(std::span<std::uint64_t> slots, std::span<const std::uint32_t> selected, const LineTable& table,
                        GroupField field, const FieldCoding& coding, std::uint64_t stride) {
  const auto ranked = [&](const auto& column) {
    for (std::size_t j = 0; j < selected.size(); ++j)
      slots[j] += stride * coding.rank[static_cast<std::size_t>(column[selected[j]])];
  };
  switch (field) {
    case GroupField::partner: ranked(table.partner); return;
    case GroupField::category: ranked(table.category); return;
    case GroupField::basis: ranked(table.basis); return;
    case GroupField::direction: ranked(table.is_import); return;
    case GroupField::reporter:
    case GroupField::region:
    case GroupField::year: return;  // in the version's share
  }
}

// Sums of values by (group, currency), in one open-addressing table: a group meets a few
// currencies, and a query a few thousand groups, so the table stays small enough to be cached
// where a map of nodes would be chased through memory once per line.
class ValueSums {
 public:
  void add(std::uint32_t group, std::uint32_t currency, double amount) {
    if ((used_ + 1) * 2 > keys_.size()) grow();
    const auto key = (std::uint64_t{group} << 32) | currency;
    auto at = place_of(key);
    if (keys_[at] == empty) {
      keys_[at] = key;
      ++used_;
    }
    sums_[at] += amount;
  }
  // Calls visit(group, currency, sum) for every pair, in no particular order.
  template <typename Visit>
  void each(Visit visit) const {
    for (std::size_t at = 0; at < keys_.size(); ++at)
      if (keys_[at] != empty)
        visit(static_cast<std::uint32_t>(keys_[at] >> 32), static_cast<std::uint32_t>(keys_[at]), sums_[at]);
  }

 private:
  static constexpr std::uint64_t empty = UINT64_MAX;
  [[nodiscard]] std::size_t place_of(std::uint64_t key) const {
    // Fibonacci hashing: the product's top bits mix every bit of the key.
    auto at = static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> shift_);
    while (keys_[at] != empty && keys_[at] != key) at = (at + 1) & (keys_.size() - 1);
    return at;
  }
  void grow() {
    std::vector<std::uint64_t> keys(std::max<std::size_t>(keys_.size() * 2, 1024), empty);
    std::vector<double> sums(keys.size(), 0.0);
    shift_ = 64 - static_cast<unsigned>(std::countr_zero(keys.size()));
    keys.swap(keys_);
    sums.swap(sums_);
    for (std::size_t at = 0; at < keys.size(); ++at)
      if (keys[at] != empty) {
        const auto to = place_of(keys[at]);
        keys_[to] = keys[at];
        sums_[to] = sums[at];
      }
  }
  std::vector<std::uint64_t> keys_;
  std::vector<double> sums_;
  std::size_t used_ = 0;
  unsigned shift_ = 64;
};

// The groups' totals, one array per measure, indexed by group.
struct GroupTotals {
  std::vector<std::uint64_t> slot;  // the group's key, all fields in one number
  std::vector<std::int64_t> lines, reports, items;
  std::vector<std::uint32_t> last_version;
  // Values: a group's lines nearly always give one currency (a State reports in one), whose sum
  // is kept beside the group; any other currency's goes to `other_values`.
  static constexpr std::uint32_t no_currency = UINT32_MAX;
  std::vector<std::uint32_t> currency;
  std::vector<double> value;
  ValueSums other_values;

  std::uint32_t add_group(std::uint64_t key) {
    slot.push_back(key);
    lines.push_back(0);
    reports.push_back(0);
    items.push_back(0);
    last_version.push_back(UINT32_MAX);
    currency.push_back(no_currency);
    value.push_back(0.0);
    return static_cast<std::uint32_t>(slot.size() - 1);
  }
  void add_line(std::uint32_t group, const LineTable& table, std::uint32_t line) {
    lines[group] += table.lines_in(line);
    // A version's lines are consecutive in the table: a group meets each version in one run.
    if (last_version[group] != table.version[line]) {
      last_version[group] = table.version[line];
      ++reports[group];
    }
    if (table.items[line] != no_items) items[group] += table.items[line];
    if (!std::isnan(table.value[line])) add_value(group, table.currency[line], table.value[line]);
  }
  void add_value(std::uint32_t group, std::uint32_t code, double amount) {
    if (currency[group] == no_currency) currency[group] = code;
    if (currency[group] == code)
      value[group] += amount;
    else
      other_values.add(group, code, amount);
  }
  // Calls visit(group, currency, sum) for every sum.
  template <typename Visit>
  void each_value(Visit visit) const {
    for (std::uint32_t g = 0; g < size(); ++g)
      if (currency[g] != no_currency) visit(g, currency[g], value[g]);
    other_values.each(visit);
  }
  [[nodiscard]] std::size_t size() const { return slot.size(); }
};

// Groups are found through a dense array when every combination of the fields' values fits in
// a few million slots (the usual case: reporter x year x category is about half a million),
// else through a hash table. Either way a group's key is one number.
GroupTotals group_lines(const LineTable& table, std::span<const std::uint32_t> selected,
                        std::span<const std::uint64_t> slots, std::uint64_t slot_count, const BudgetWatch& watch) {
  constexpr std::uint64_t max_dense_slots = std::uint64_t{1} << 22;
  GroupTotals totals;
  std::vector<std::uint32_t> dense(slot_count <= max_dense_slots ? slot_count : 0, UINT32_MAX);
  std::unordered_map<std::uint64_t, std::uint32_t> sparse;
  for (std::size_t j = 0; j < selected.size(); ++j) {
    if ((j + 1) % lines_between_checks == 0) watch.check_time();
    auto& group = dense.empty() ? sparse.try_emplace(slots[j], UINT32_MAX).first->second : dense[slots[j]];
    if (group == UINT32_MAX) {
      watch.check_groups(totals.size() + 1);
      group = totals.add_group(slots[j]);
    }
    totals.add_line(group, table, selected[j]);
  }
  return totals;
}

// Adds the groups of `part` to `into`. The parts were split between versions, so a version's
// lines were all counted in one part and its report is counted once.
void join_groups(GroupTotals& into, const GroupTotals& part, const BudgetWatch& watch) {
  std::unordered_map<std::uint64_t, std::uint32_t> index_of;
  index_of.reserve(into.size());
  for (std::uint32_t g = 0; g < into.size(); ++g) index_of.emplace(into.slot[g], g);
  std::vector<std::uint32_t> joined_as(part.size());
  for (std::uint32_t g = 0; g < part.size(); ++g) {
    auto [at, added] = index_of.try_emplace(part.slot[g], 0);
    if (added) {
      watch.check_groups(into.size() + 1);
      at->second = into.add_group(part.slot[g]);
    }
    const auto to = joined_as[g] = at->second;
    into.lines[to] += part.lines[g];
    into.reports[to] += part.reports[g];
    into.items[to] += part.items[g];
  }
  part.each_value(
      [&](std::uint32_t g, std::uint32_t currency, double sum) { into.add_value(joined_as[g], currency, sum); });
}

// Where the selection is cut into `parts`: near equal shares, each cut moved to the next change
// of version.
std::vector<std::size_t> cuts_between_versions(const LineTable& table, const std::vector<std::uint32_t>& selected,
                                               std::size_t parts) {
  std::vector<std::size_t> cuts{0};
  for (std::size_t p = 1; p < parts; ++p) {
    auto cut = std::max(cuts.back(), selected.size() * p / parts);
    while (cut > 0 && cut < selected.size() && table.version[selected[cut]] == table.version[selected[cut - 1]]) ++cut;
    cuts.push_back(cut);
  }
  cuts.push_back(selected.size());
  return cuts;
}

}  // namespace

Summary summarise(const LineTable& table, const std::vector<std::uint32_t>& selected, std::vector<GroupField> group_by,
                  bool one_basis_selected, const std::vector<GroupOrder>& order, std::size_t limit,
                  const StatesRegister& states, const BudgetWatch& watch) {
  if (!one_basis_selected && std::find(group_by.begin(), group_by.end(), GroupField::basis) == group_by.end())
    group_by.push_back(GroupField::basis);
  int first_year = 0;
  std::vector<FieldCoding> coding;
  for (const auto field : group_by) coding.push_back(coding_of(field, table, states, first_year));

  // Each line's group as one number, the fields' ranks in mixed radix: the numbers order the
  // groups as their keys sort, field by field. Every field has at most a few hundred values, so
  // the seven of them fit in 64 bits.
  std::uint64_t slot_count = 1;
  std::vector<std::uint64_t> stride(group_by.size(), 1);
  for (const auto& field : coding) slot_count *= field.cardinality();
  for (std::size_t f = group_by.size(); f-- > 1;) stride[f - 1] = stride[f] * coding[f].cardinality();

  const auto parts = scan_part_count(selected.size());
  const auto cuts = cuts_between_versions(table, selected, parts);
  const auto shares = version_shares(table, group_by, coding, stride, first_year);
  std::vector<GroupTotals> partial(parts);
  run_parts(parts, [&](std::size_t part) {
    const std::span<const std::uint32_t> lines(selected.data() + cuts[part], cuts[part + 1] - cuts[part]);
    std::vector<std::uint64_t> slots(lines.size());
    for (std::size_t j = 0; j < lines.size(); ++j) slots[j] = shares[table.version[lines[j]]];
    for (std::size_t f = 0; f < group_by.size(); ++f)
      add_field_to_slots(slots, lines, table, group_by[f], coding[f], stride[f]);
    watch.check_time();
    partial[part] = group_lines(table, lines, slots, slot_count, watch);
  });
  auto& totals = partial[0];
  for (std::size_t part = 1; part < parts; ++part) join_groups(totals, partial[part], watch);

  const auto rank_of = [&](std::uint32_t group, std::size_t f) {
    return static_cast<std::uint32_t>(totals.slot[group] / stride[f] % coding[f].cardinality());
  };
  const auto measure = [&](std::uint32_t group, Measure m) {
    return m == Measure::lines     ? totals.lines[group]
           : m == Measure::reports ? totals.reports[group]
                                   : totals.items[group];
  };
  const auto before = [&](std::uint32_t a, std::uint32_t b) {
    for (const auto& o : order) {
      int c = 0;
      if (o.key) {
        const auto at = std::find(group_by.begin(), group_by.end(), *o.key);
        if (at == group_by.end()) continue;
        const auto f = static_cast<std::size_t>(at - group_by.begin());
        const auto x = rank_of(a, f), y = rank_of(b, f);
        c = x < y ? -1 : x > y ? 1 : 0;
      } else {
        const auto x = measure(a, o.measure), y = measure(b, o.measure);
        c = x < y ? -1 : x > y ? 1 : 0;
      }
      if (c != 0) return o.descending ? c > 0 : c < 0;
    }
    // Then by the keys, so that the order never depends on how the groups were found.
    return totals.slot[a] < totals.slot[b];
  };
  std::vector<std::uint32_t> entries(totals.size());
  std::iota(entries.begin(), entries.end(), 0U);
  const auto shown = std::min(limit, entries.size());
  // Without an order asked for, the groups go by their keys, which their slots order; a heap
  // (partial_sort) pays off only when few of many groups are shown.
  if (order.empty())
    std::sort(entries.begin(), entries.end(),
              [&](std::uint32_t a, std::uint32_t b) { return totals.slot[a] < totals.slot[b]; });
  else if (shown == entries.size())
    std::sort(entries.begin(), entries.end(), before);
  else
    std::partial_sort(entries.begin(), entries.begin() + static_cast<std::ptrdiff_t>(shown), entries.end(), before);

  Summary summary;
  summary.group_by = group_by;
  summary.total_groups = entries.size();
  summary.groups.resize(shown);
  std::vector<std::uint32_t> shown_at(totals.size(), UINT32_MAX);
  for (std::size_t i = 0; i < shown; ++i) {
    const auto g = entries[i];
    shown_at[g] = static_cast<std::uint32_t>(i);
    auto& group = summary.groups[i];
    group.keys.reserve(group_by.size());
    for (std::size_t f = 0; f < group_by.size(); ++f) group.keys.push_back(coding[f].text[rank_of(g, f)]);
    group.lines = totals.lines[g];
    group.reports = totals.reports[g];
    group.items = totals.items[g];
  }
  totals.each_value([&](std::uint32_t g, std::uint32_t currency, double sum) {
    if (shown_at[g] != UINT32_MAX) summary.groups[shown_at[g]].values[table.currencies.text(currency)] += sum;
  });
  return summary;
}

}  // namespace att::transfers
