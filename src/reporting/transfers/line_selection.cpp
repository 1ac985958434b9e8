#include "reporting/transfers/line_selection.hpp"

#include <algorithm>
#include <functional>

#include "auth/policy.hpp"
#include "core/reports/report_template.hpp"
#include "core/text_folding.hpp"

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

CodeMask text_hits(const Dictionary& dictionary, const std::string& folded_needle) {
  return mask_of(dictionary, [&](std::uint32_t code) {
    return folded_needle.empty() || dictionary.folded(code).find(folded_needle) != std::string::npos;
  });
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

  // A column no filter asks about is not read at all: the scan's cost is the columns it touches.
  const bool by_partner = !filter.partners.empty();
  const bool by_category = !filter.categories.empty();
  const bool by_year = filter.year_from || filter.year_to;
  const bool by_basis = !filter.bases.empty();
  std::vector<std::uint32_t> selected;
  const auto n = table.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i % lines_between_checks == 0) watch.check_time();
    // The read rule first: a line the viewer may not see is not looked at any further.
    if (!seen[table.reporter[i] * 2 + table.restricted[i]]) continue;
    if (by_partner && !partners[table.partner[i]]) continue;
    if (by_category && !categories[table.category[i]]) continue;
    if (by_year && (table.year[i] < first_year || table.year[i] > last_year)) continue;
    if (import_wanted >= 0 && table.is_import[i] != import_wanted) continue;
    if (by_basis && !bases[static_cast<int>(table.basis[i])]) continue;
    if (searching && !in_descriptions[table.description[i]] && !in_comments[table.comment[i]]) continue;
    selected.push_back(static_cast<std::uint32_t>(i));
  }
  return selected;
}

}  // namespace att::transfers
