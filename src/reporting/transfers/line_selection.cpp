#include "reporting/transfers/line_selection.hpp"

#include <algorithm>
#include <functional>
#include <type_traits>

#include "auth/policy.hpp"
#include "core/reports/report_template.hpp"
#include "core/text_folding.hpp"
#include "reporting/transfers/scan_parts.hpp"

namespace att::transfers {

bool category_within(const std::string& code, const std::string& wanted) {
  if (wanted == "NAT") return reports::is_national_category(code);
  return code == wanted || (code.size() > wanted.size() && code.starts_with(wanted) && code[wanted.size()] == '.');
}

namespace {

// One flag per dictionary code: whether a line with that code may be selected.
using CodeMask = std::vector<std::uint8_t>;

CodeMask mask_of(const Dictionary& dictionary, const std::function<bool(std::uint32_t)>& accepts) {
  CodeMask mask(dictionary.size());
  for (std::uint32_t code = 0; code < mask.size(); ++code) mask[code] = accepts(code) ? 1 : 0;
  return mask;
}

CodeMask codes_in(const Dictionary& dictionary, const std::vector<std::string>& wanted) {
  return mask_of(dictionary, [&](std::uint32_t code) {
    return wanted.empty() || std::find(wanted.begin(), wanted.end(), dictionary.text(code)) != wanted.end();
  });
}

// Per reporting State and table visibility (code * 2 + restricted): the viewer's read rule, the
// reporter and region filters together. The table holds only current submitted versions, so
// the rule is asked about neither drafts nor recalled versions here: those are not in it.
CodeMask reporters_seen(const LineTable& table, const auth::Viewer& viewer, const TransferFilter& filter,
                        const StatesRegister& states) {
  const auto rule = auth::read_report_condition(viewer);
  const auto wanted = codes_in(table.states, filter.reporters);
  CodeMask mask(table.states.size() * 2);
  for (std::uint32_t code = 0; code < table.states.size(); ++code) {
    const auto& iso3 = table.states.text(code);
    if (!wanted[code]) continue;
    if (filter.region) {
      const auto* state = states.find_by_code(iso3);
      if (!state || state->region != *filter.region) continue;
    }
    for (const bool restricted : {false, true})
      mask[code * 2 + (restricted ? 1 : 0)] = rule.holds({iso3, false, false, restricted}) ? 1 : 0;
  }
  return mask;
}

// Descriptions and comments hold nearly a text per line: a search looks through them in parts,
// one per core.
CodeMask text_hits(const Dictionary& dictionary, const std::string& folded_needle) {
  CodeMask mask(dictionary.size());
  const auto parts = scan_part_count(mask.size());
  run_parts(parts, [&](std::size_t part) {
    for (auto code = mask.size() * part / parts; code < mask.size() * (part + 1) / parts; ++code)
      mask[code] = dictionary.folded(static_cast<std::uint32_t>(code)).find(folded_needle) != std::string::npos;
  });
  return mask;
}

}  // namespace

std::vector<std::uint32_t> select_lines(const LineTable& table, const auth::Viewer& viewer,
                                        const TransferFilter& filter, const StatesRegister& states,
                                        const BudgetWatch& watch) {
  const auto seen = reporters_seen(table, viewer, filter, states);
  const auto partners = codes_in(table.states, filter.partners);
  const auto categories = mask_of(table.categories, [&](std::uint32_t code) {
    return filter.categories.empty() ||
           std::any_of(filter.categories.begin(), filter.categories.end(),
                       [&](const std::string& wanted) { return category_within(table.categories.text(code), wanted); });
  });
  const auto needle = filter.text.empty() ? std::string() : fold_name(filter.text);
  const bool searching = !filter.text.empty();
  // The text dictionaries hold about one entry per line: they are looked at only for a search.
  const auto in_descriptions = searching ? text_hits(table.descriptions, needle) : CodeMask();
  const auto in_comments = searching ? text_hits(table.comments, needle) : CodeMask();
  const int first_year = filter.year_from.value_or(0);
  const int last_year = filter.year_to.value_or(65535);
  const int import_wanted = filter.direction ? (*filter.direction == reports::Direction::imports ? 1 : 0) : -1;
  std::uint8_t bases[3] = {1, 1, 1};  // by LineBasis
  if (!filter.bases.empty())
    for (const auto basis : {LineBasis::unknown, LineBasis::authorized, LineBasis::actual})
      bases[static_cast<int>(basis)] =
          std::find(filter.bases.begin(), filter.bases.end(), basis) != filter.bases.end() ? 1 : 0;

  // The read rule first, with the filters on the line's own small columns (direction, basis,
  // year), in one pass over every line; then each filter on a code (partner, category, text)
  // narrows what is left, one column at a time. A code column no filter asks about is not read
  // at all, and no step branches on a line's data: each keeps a line by adding its flag to the
  // count, which costs the same whatever the data (a branch per line would be guessed wrong
  // about half the time).
  const std::uint8_t directions[2] = {static_cast<std::uint8_t>(import_wanted != 1),
                                      static_cast<std::uint8_t>(import_wanted != 0)};
  // The first pass, compiled once per combination of the small-column filters asked for, so that
  // a query without them reads only the reporter and visibility columns.
  const auto first_pass = [&](std::size_t from, std::size_t to, std::vector<std::uint32_t>& selected, auto by_direction,
                              auto by_basis, auto by_year) {
    std::size_t kept = 0;
    for (auto block = from; block < to; block += lines_between_checks) {
      watch.check_time();
      const auto block_end = std::min(to, block + lines_between_checks);
      for (auto i = block; i < block_end; ++i) {
        std::uint8_t keep = seen[table.reporter[i] * 2 + table.restricted[i]];
        if constexpr (decltype(by_direction)::value) keep &= directions[table.is_import[i]];
        if constexpr (decltype(by_basis)::value) keep &= bases[static_cast<int>(table.basis[i])];
        if constexpr (decltype(by_year)::value)
          keep &= static_cast<std::uint8_t>(table.year[i] >= first_year && table.year[i] <= last_year);
        selected[kept] = static_cast<std::uint32_t>(i);
        kept += keep;
      }
    }
    return kept;
  };
  const auto when = [](bool asked, auto then) { return asked ? then(std::true_type{}) : then(std::false_type{}); };
  const auto select_range = [&](std::size_t from, std::size_t to) {
    std::vector<std::uint32_t> selected(to - from);
    const auto kept = when(import_wanted >= 0, [&](auto d) {
      return when(!filter.bases.empty(), [&](auto b) {
        return when(filter.year_from || filter.year_to,
                    [&](auto y) { return first_pass(from, to, selected, d, b, y); });
      });
    });
    selected.resize(kept);
    const auto narrow = [&](auto keeps) {
      std::size_t still = 0;
      for (std::size_t j = 0; j < selected.size(); ++j) {
        selected[still] = selected[j];
        still += keeps(selected[j]) ? 1 : 0;
      }
      selected.resize(still);
    };
    if (!filter.partners.empty()) narrow([&](std::uint32_t i) { return partners[table.partner[i]]; });
    if (!filter.categories.empty()) narrow([&](std::uint32_t i) { return categories[table.category[i]]; });
    watch.check_time();
    if (searching)
      narrow([&](std::uint32_t i) { return in_descriptions[table.description[i]] | in_comments[table.comment[i]]; });
    return selected;
  };
  const auto parts = scan_part_count(table.size());
  std::vector<std::vector<std::uint32_t>> selected(parts);
  run_parts(parts, [&](std::size_t part) {
    selected[part] = select_range(table.size() * part / parts, table.size() * (part + 1) / parts);
  });
  for (std::size_t part = 1; part < parts; ++part)
    selected[0].insert(selected[0].end(), selected[part].begin(), selected[part].end());
  return std::move(selected[0]);
}

}  // namespace att::transfers
