#include "reporting/transfers/line_table.hpp"

#include <charconv>
#include <cmath>

namespace att::transfers {

namespace {

double parsed_value(const std::string& text) {
  if (text.empty()) return std::nan("");
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc{} && end == text.data() + text.size() ? value : std::nan("");
}

LineBasis line_basis(const std::optional<reports::Basis>& own, const std::optional<reports::Basis>& fallback) {
  const auto basis = own ? own : fallback;
  if (!basis) return LineBasis::unknown;
  return *basis == reports::Basis::authorized ? LineBasis::authorized : LineBasis::actual;
}

}  // namespace

std::string_view to_string(LineBasis basis) {
  switch (basis) {
    case LineBasis::authorized: return "authorized";
    case LineBasis::actual: return "actual";
    case LineBasis::unknown: return "";
  }
  return "";
}

std::uint32_t LineTable::append_value(std::string_view text) {
  if (text.empty()) return 0;  // the NUL at the start
  const auto at = static_cast<std::uint32_t>(value_chars.size());
  value_chars.append(text);
  value_chars.push_back('\0');
  return at;
}

void LineTable::append(const VersionFacts& facts, const std::vector<reports::ReportLine>& lines) {
  const auto index = static_cast<std::uint32_t>(versions.size());
  const auto reporter_code = states.code_of(facts.reporting_state);
  versions.push_back({facts.version_id, reporter_code, facts.year, facts.version_no, size(), lines.size()});
  for (const auto& line : lines) {
    const bool imported = line.direction == reports::Direction::imports;
    version.push_back(index);
    reporter.push_back(reporter_code);
    partner.push_back(states.code_of(line.partner_state));
    origin.push_back(states.code_of(line.state_of_origin));
    category.push_back(categories.code_of(line.category));
    currency.push_back(currencies.code_of(line.currency));
    value_text.push_back(append_value(line.value));
    description.push_back(descriptions.code_of(line.description));
    comment.push_back(comments.code_of(line.comments));
    intermediate.push_back(places.code_of(line.intermediate_location));
    year.push_back(static_cast<std::uint16_t>(facts.year));
    is_import.push_back(imported ? 1 : 0);
    restricted.push_back((imported ? facts.imports_restricted : facts.exports_restricted) ? 1 : 0);
    basis.push_back(line_basis(line.basis, facts.default_basis));
    items.push_back(line.items.value_or(no_items));
    value.push_back(parsed_value(line.value));
  }
}

LineTable LineTable::retaining(const std::function<bool(std::int64_t version_id)>& keep) const {
  LineTable copy;
  copy.states = states;
  copy.categories = categories;
  copy.currencies = currencies;
  copy.places = places;
  copy.descriptions = descriptions;
  copy.comments = comments;
  const auto copy_range = [](auto& to, const auto& from, std::size_t first, std::size_t count) {
    to.insert(to.end(), from.begin() + static_cast<std::ptrdiff_t>(first),
              from.begin() + static_cast<std::ptrdiff_t>(first + count));
  };
  for (const auto& entry : versions) {
    if (!keep(entry.version_id)) continue;
    auto moved = entry;
    moved.first_line = copy.size();
    const auto index = static_cast<std::uint32_t>(copy.versions.size());
    copy.versions.push_back(moved);
    copy.version.insert(copy.version.end(), entry.line_count, index);
    const auto f = entry.first_line;
    const auto n = entry.line_count;
    copy_range(copy.reporter, reporter, f, n);
    copy_range(copy.partner, partner, f, n);
    copy_range(copy.origin, origin, f, n);
    copy_range(copy.category, category, f, n);
    copy_range(copy.currency, currency, f, n);
    for (auto line = f; line < f + n; ++line) copy.value_text.push_back(copy.append_value(value_as_written(line)));
    copy_range(copy.description, description, f, n);
    copy_range(copy.comment, comment, f, n);
    copy_range(copy.intermediate, intermediate, f, n);
    copy_range(copy.year, year, f, n);
    copy_range(copy.is_import, is_import, f, n);
    copy_range(copy.restricted, restricted, f, n);
    copy_range(copy.basis, basis, f, n);
    copy_range(copy.items, items, f, n);
    copy_range(copy.value, value, f, n);
  }
  return copy;
}

}  // namespace att::transfers
