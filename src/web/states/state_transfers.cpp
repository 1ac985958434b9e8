#include "web/states/state_transfers.hpp"

#include "reporting/transfers/visible_summary.hpp"
#include "text/numbers.hpp"

namespace att::web {

namespace {

using transfers::GroupField;
using transfers::GroupOrder;
using transfers::Measure;

// Lines are counted whatever their basis: a count of lines mixes no authorized and actual figures.
// Read from the model's totals (visible_summary.hpp), under the viewer's read rule.
nlohmann::json counted_by(const AppContext& app, Language language, const transfers::LineTable& table,
                          const auth::Viewer& viewer, const transfers::TransferFilter& filter, GroupField field,
                          const GroupOrder& order, std::size_t limit) {
  const auto summary = transfers::summarise_visible(
      table, viewer, {.filter = filter, .group_by = {field}, .order = {order}, .limit = limit, .split_by_basis = false},
      *app.states);
  nlohmann::json entries = nlohmann::json::array();
  for (const auto& group : summary.groups) {
    const auto& key = group.keys[0];
    std::string label = key;
    if (field == GroupField::partner) {
      const auto* partner = key.empty() ? nullptr : app.states->find_by_code(key);
      label = partner ? partner->name(language)
                      : (key.empty() ? app.catalog.text(language, "state_page.partner_unknown") : key);
    }
    entries.push_back({{"key", key},
                       {"label", label},
                       {"lines", group.lines},
                       {"count", text::format_number(app.catalog, language, std::to_string(group.lines))}});
  }
  return entries;
}

}  // namespace

nlohmann::json state_transfers_view(const AppContext& app, Language language, const auth::Viewer& viewer,
                                    const std::string& iso3) {
  const auto table = app.transfer_model->current(*app.pool->acquire());
  const GroupOrder by_year{.key = GroupField::year, .measure = Measure::lines, .descending = false};
  const GroupOrder most_lines{.key = std::nullopt, .measure = Measure::lines, .descending = true};
  transfers::TransferFilter filter;
  filter.reporters = {iso3};
  const auto top_partners = counted_by(app, language, *table, viewer, filter, GroupField::partner, most_lines, 10);
  filter.direction = reports::Direction::exports;
  const auto exports = counted_by(app, language, *table, viewer, filter, GroupField::year, by_year, 200);
  filter.direction = reports::Direction::imports;
  const auto imports = counted_by(app, language, *table, viewer, filter, GroupField::year, by_year, 200);
  // Every line is an export or an import, so the State has transfers when it has either.
  return {{"exports_by_year", exports},      {"imports_by_year", imports},
          {"top_partners", top_partners},    {"has_exports", !exports.empty()},
          {"has_imports", !imports.empty()}, {"has_transfers", !exports.empty() || !imports.empty()}};
}

}  // namespace att::web
