#include "web/transfers/explorer_page.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "reporting/transfers/line_selection.hpp"
#include "reporting/transfers/transfer_rows.hpp"
#include "reporting/transfers/visible_summary.hpp"
#include "text/numbers.hpp"
#include "web/kit/page.hpp"
#include "web/transfers/transfer_views.hpp"

namespace att::web {

namespace {

using transfers::GroupField;

enum class View { lines, summary, mirror };

View view_of(const HttpRequest& request) {
  const auto view = request.query("view").value_or("");
  if (view == "summary") return View::summary;
  if (view == "mirror") return View::mirror;
  return View::lines;
}

// The page's own address with `changes` made (an empty value removes the parameter); every
// facet, page and view link is one, so each view has a stable address.
std::string explorer_href(const HttpRequest& request, const std::vector<std::pair<std::string, std::string>>& changes,
                          const std::string& path = "/transfers") {
  std::string query;
  const auto add = [&](const std::string& name, const std::string& value) {
    query += (query.empty() ? "" : "&") + percent_encode(name) + "=" + percent_encode(value);
  };
  for (const auto& [name, value] : parse_query(request.query_string)) {
    const bool changed = std::any_of(changes.begin(), changes.end(), [&](const auto& c) { return c.first == name; });
    if (!changed && !value.empty()) add(name, value);
  }
  for (const auto& [name, value] : changes)
    if (!value.empty()) add(name, value);
  return query.empty() ? path : path + "?" + query;
}

// The API address that gives what the view shows, as a download: for the lines, every line of
// the query (CSV is streamed whole, JSON and XLSX stop at 10,000); for the summary and the
// mirror, its groups or pairs with the same parameters.
std::string download_href(const HttpRequest& request, View view, const std::string& format) {
  if (view == View::lines) {
    auto query = filter_query_string(request);
    if (!format.empty()) query += (query.empty() ? "" : "&") + std::string("format=") + format;
    return "/api/v1/transfers?" + query + (query.empty() ? "" : "&") + (format == "csv" ? "limit=all" : "limit=10000");
  }
  std::vector<std::pair<std::string, std::string>> changes{
      {"view", ""}, {"offset", ""}, {"format", format}, {"limit", "10000"}};
  // The page shows groups by year when none is chosen; the download must give the same.
  if (view == View::summary && request.query("group_by").value_or("").empty()) changes.emplace_back("group_by", "year");
  return explorer_href(request, changes,
                       view == View::summary ? "/api/v1/transfers/summary" : "/api/v1/transfers/mirror");
}

class Explorer {
 public:
  Explorer(TransfersService& service, const HttpRequest& request)
      : service_(service),
        app_(service.app),
        request_(request),
        choice_(choose_language(request)),
        language_(choice_.language),
        params_(request, app_, service.categories),
        watch_(app_.transfer_budget) {}

  HttpResponse render() {
    const auto view = view_of(request_);
    context_ = {{"title", t("transfers.title")},
                {"view_lines", view == View::lines},
                {"view_summary", view == View::summary},
                {"view_mirror", view == View::mirror},
                {"lines_href", explorer_href(request_, {{"view", ""}, {"offset", ""}, {"group_by", ""}})},
                {"summary_href", explorer_href(request_, {{"view", "summary"}, {"offset", ""}})},
                {"mirror_href", explorer_href(request_, {{"view", "mirror"}, {"offset", ""}, {"group_by", ""}})},
                {"has_errors", false}};
    form();
    std::optional<ParamError> error;
    int status = 200;
    const auto table = service_.model.current(*app_.pool->acquire());
    try {
      if (view == View::summary) {
        if (auto query = params_.summary())
          summary(*table, *query);
        else
          error = query.error();
      } else if (view == View::mirror) {
        if (auto query = params_.mirror())
          mirror(*table, *query);
        else
          error = query.error();
      } else {
        if (auto query = params_.rows())
          lines(*table, *query);
        else
          error = query.error();
      }
      if (error) status = 400;
    } catch (const transfers::OverBudget& over) {
      error = ParamError{"", over_budget_code(over), over_budget_text(app_.catalog, language_, over)};
      status = 503;
    }
    if (error) {
      context_["has_errors"] = true;
      context_["errors"] = nlohmann::json::array({{{"parameter", error->parameter}, {"message", error->message}}});
      if (!error->parameter.empty()) context_[error->parameter + "_invalid"] = true;
    }
    return render_page(app_, request_, choice_, "transfers/explorer", std::move(context_), status);
  }

 private:
  std::string t(const std::string& key, std::map<std::string, std::string> values = {}) const {
    return app_.catalog.text(language_, key, values);
  }
  std::string number(std::int64_t value) const {
    return text::format_number(app_.catalog, language_, std::to_string(value));
  }
  std::string money(const std::map<std::string, double>& values) const {
    std::string text;
    char digits[64];
    for (const auto& [currency, sum] : values) {
      std::snprintf(digits, sizeof digits, "%.2f", std::round(sum * 100.0) / 100.0);
      text += (text.empty() ? "" : "; ") + text::format_number(app_.catalog, language_, digits) + " " + currency;
    }
    return text;
  }
  std::string state_name(const std::string& code) const {
    if (code.empty()) return t("transfers.not_given");
    const auto* state = app_.states->find_by_code(code);
    return state ? state->name(language_) : code;
  }
  std::string key_label(GroupField field, const std::string& key) const {
    switch (field) {
      case GroupField::reporter:
      case GroupField::partner: return state_name(key);
      case GroupField::direction: return t("transfers.direction_" + key);
      case GroupField::region: return key.empty() ? t("transfers.not_given") : t("regions." + key);
      case GroupField::basis: return key.empty() ? t("transfers.not_given") : t("transfers.basis_" + key);
      case GroupField::year:
      case GroupField::category: return key.empty() ? t("transfers.not_given") : key;
    }
    return key;
  }
  // Where a facet's entry leads: the same query narrowed to that value.
  std::vector<std::pair<std::string, std::string>> narrowing(GroupField field, const std::string& key) const {
    switch (field) {
      case GroupField::reporter: return {{"reporter", key}};
      case GroupField::partner: return {{"partner", key}};
      case GroupField::year: return {{"year_from", key}, {"year_to", key}};
      case GroupField::category: return {{"category", key}};
      case GroupField::direction: return {{"direction", key}};
      case GroupField::region: return {{"region", key}};
      case GroupField::basis: return {{"basis", key}};
    }
    return {};
  }

  void form() {
    const auto value = [&](const char* name) { return request_.query(name).value_or(""); };
    for (const auto* name : {"reporter", "partner", "category", "year_from", "year_to", "q"})
      context_[std::string("value_") + name] = value(name);
    nlohmann::json directions = nlohmann::json::array();
    for (const auto* direction : {"export", "import"})
      directions.push_back({{"value", direction},
                            {"label", t("transfers.direction_" + std::string(direction))},
                            {"selected", value("direction") == direction}});
    context_["direction_options"] = std::move(directions);
    nlohmann::json bases = nlohmann::json::array();
    for (const auto* basis : {"authorized", "actual"})
      bases.push_back({{"value", basis},
                       {"label", t("transfers.basis_" + std::string(basis))},
                       {"selected", value("basis") == basis}});
    context_["basis_options"] = std::move(bases);
    std::set<std::string> regions;
    for (const auto& state : app_.states->states()) regions.insert(state.region);
    nlohmann::json region_options = nlohmann::json::array();
    for (const auto& name : regions)
      region_options.push_back(
          {{"value", name}, {"label", t("regions." + name)}, {"selected", value("region") == name}});
    context_["region_options"] = std::move(region_options);
    const auto group_by = value("group_by");
    nlohmann::json groups = nlohmann::json::array();
    for (const auto* field : {"year", "reporter", "partner", "category", "direction", "region", "basis"})
      groups.push_back(
          {{"value", field}, {"label", t("transfers.field_" + std::string(field))}, {"selected", group_by == field}});
    context_["group_options"] = std::move(groups);
    context_["view"] = value("view");
    const auto view = view_of(request_);
    context_["csv_href"] = download_href(request_, view, "csv");
    context_["xlsx_href"] = download_href(request_, view, "xlsx");
    context_["json_href"] = download_href(request_, view, "");
  }

  // Counts of the lines the filter selects by one field, largest first: the read model's summary
  // (from its totals where they answer), over what the viewer may see, never a count of rows read
  // for the page.
  nlohmann::json facet(const transfers::LineTable& table, const transfers::TransferFilter& filter, GroupField field,
                       std::size_t limit, bool by_key) const {
    const std::vector<transfers::GroupOrder> order{
        by_key ? transfers::GroupOrder{.key = field, .measure = transfers::Measure::lines, .descending = false}
               : transfers::GroupOrder{.key = std::nullopt, .measure = transfers::Measure::lines, .descending = true}};
    const auto counts = transfers::summarise_visible(
        table, request_.visit.viewer,
        {.filter = filter, .group_by = {field}, .order = order, .limit = limit, .split_by_basis = false}, *app_.states,
        watch_);
    nlohmann::json entries = nlohmann::json::array();
    for (const auto& group : counts.groups) {
      auto changes = narrowing(field, group.keys[0]);
      changes.emplace_back("offset", "");
      entries.push_back({{"key", group.keys[0]},
                         {"label", key_label(field, group.keys[0])},
                         {"count", number(group.lines)},
                         {"lines", group.lines},
                         {"href", group.keys[0].empty() ? "" : explorer_href(request_, changes)}});
    }
    return {{"name", std::string(to_string(field))},
            {"title", t("transfers.field_" + std::string(to_string(field)))},
            {"entries", std::move(entries)},
            {"more", counts.total_groups > counts.groups.size()}};
  }

  // The partners the map can place: those with an M49 code, which keys the shapes of the world
  // map (world-atlas), written as its three digits.
  nlohmann::json mapped_partners(nlohmann::json entries) const {
    nlohmann::json mapped = nlohmann::json::array();
    for (auto& entry : entries) {
      const auto* state = app_.states->find_by_code(entry["key"].get<std::string>());
      if (state == nullptr || state->m49 <= 0) continue;
      char m49[16];
      std::snprintf(m49, sizeof m49, "%03d", state->m49);
      entry["m49"] = m49;
      mapped.push_back(std::move(entry));
    }
    return mapped;
  }

  void facets(const transfers::LineTable& table, const transfers::TransferFilter& filter) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto field :
         {GroupField::direction, GroupField::category, GroupField::reporter, GroupField::partner, GroupField::basis})
      list.push_back(facet(table, filter, field, 10, false));
    context_["facets"] = std::move(list);
    context_["has_facets"] = true;
    // The charts' tables: every year in order, and the ten partners with most lines.
    const auto by_year = facet(table, filter, GroupField::year, 200, true)["entries"];
    context_["has_charts"] = !by_year.empty();
    context_["by_year"] = by_year;
    const auto partners = facet(table, filter, GroupField::partner, 300, false)["entries"];
    context_["top_partners"] = nlohmann::json(std::vector<nlohmann::json>(
        partners.begin(),
        partners.begin() + std::min<std::ptrdiff_t>(10, static_cast<std::ptrdiff_t>(partners.size()))));
    context_["map_partners"] = mapped_partners(partners);
  }

  void lines(const transfers::LineTable& table, const RowsQuery& query) {
    facets(table, query.filter);
    auto selected = transfers::select_lines(table, request_.visit.viewer, query.filter, *app_.states, watch_);
    const auto page = transfers::page_of(table, std::move(selected), query.sort, query.offset, query.limit);
    nlohmann::json rows = nlohmann::json::array();
    for (const auto line : page.lines) {
      auto row = transfer_row_json(table, line);
      row["reporter_name"] = state_name(row["reporter"].is_null() ? "" : row["reporter"].get<std::string>());
      row["partner_name"] = state_name(row["partner"].is_null() ? "" : row["partner"].get<std::string>());
      row["direction_label"] = t("transfers.direction_" + row["direction"].get<std::string>());
      row["items_text"] = row["items"].is_null() ? "" : number(row["items"].get<std::int64_t>());
      row["restricted"] = row["visibility"] == "restricted";
      rows.push_back(std::move(row));
    }
    context_["rows"] = std::move(rows);
    context_["has_rows"] = !page.lines.empty();
    context_["total"] = page.total;
    context_["count_text"] =
        t("transfers.showing", {{"first", number(page.lines.empty() ? 0 : static_cast<std::int64_t>(query.offset) + 1)},
                                {"last", number(static_cast<std::int64_t>(query.offset + page.lines.size()))},
                                {"total", number(static_cast<std::int64_t>(page.total))}});
    if (query.offset > 0)
      context_["previous_href"] = explorer_href(
          request_, {{"offset", query.offset > query.limit ? std::to_string(query.offset - query.limit) : ""}});
    if (query.offset + query.limit < page.total)
      context_["next_href"] = explorer_href(request_, {{"offset", std::to_string(query.offset + query.limit)}});
  }

  void summary(const transfers::LineTable& table, SummaryQuery query) {
    facets(table, query.filter);
    if (query.group_by.empty()) query.group_by = {GroupField::year};
    const auto result = transfers::summarise_visible(
        table, request_.visit.viewer, {query.filter, query.group_by, query.sort, query.limit}, *app_.states, watch_);
    nlohmann::json columns = nlohmann::json::array();
    for (const auto field : result.group_by) columns.push_back(t("transfers.field_" + std::string(to_string(field))));
    nlohmann::json groups = nlohmann::json::array();
    for (const auto& group : result.groups) {
      nlohmann::json keys = nlohmann::json::array();
      for (std::size_t f = 0; f < result.group_by.size(); ++f)
        keys.push_back(key_label(result.group_by[f], group.keys[f]));
      groups.push_back({{"keys", std::move(keys)},
                        {"lines", number(group.lines)},
                        {"reports", number(group.reports)},
                        {"items", number(group.items)},
                        {"values", money(group.values)}});
    }
    context_["group_columns"] = std::move(columns);
    context_["groups"] = std::move(groups);
    context_["has_groups"] = !result.groups.empty();
    context_["groups_text"] =
        t("transfers.groups_shown", {{"shown", number(static_cast<std::int64_t>(result.groups.size()))},
                                     {"total", number(static_cast<std::int64_t>(result.total_groups))}});
  }

  void mirror(const transfers::LineTable& table, const MirrorQuery& query) {
    const auto selected = transfers::select_lines(table, request_.visit.viewer, query.filter, *app_.states, watch_);
    const auto pairs = transfers::mirror(table, selected, query.pairs, watch_);
    const auto side = [&](const std::optional<transfers::MirrorSide>& s) -> nlohmann::json {
      if (!s) return {{"reported", false}};
      return {{"reported", true}, {"items", s->gave_items ? number(s->items) : ""}, {"values", money(s->values)}};
    };
    nlohmann::json rows = nlohmann::json::array();
    for (std::size_t i = query.offset; i < pairs.size() && i < query.offset + query.limit; ++i) {
      const auto& pair = pairs[i];
      std::string notes;
      for (const auto kind : pair.discrepancies)
        notes += (notes.empty() ? "" : "; ") + t("transfers.discrepancy_" + std::string(to_string(kind)));
      if (pair.basis_differs) notes += (notes.empty() ? "" : "; ") + t("transfers.basis_differs");
      if (pair.units_differ) notes += (notes.empty() ? "" : "; ") + t("transfers.units_differ");
      rows.push_back({{"year", pair.year},
                      {"category", pair.category},
                      {"exporter", state_name(pair.exporter)},
                      {"importer", state_name(pair.importer)},
                      {"exporter_side", side(pair.exporter_side)},
                      {"importer_side", side(pair.importer_side)},
                      {"notes", notes},
                      {"differs", !pair.discrepancies.empty()}});
    }
    context_["pairs"] = std::move(rows);
    context_["has_pairs"] = !pairs.empty();
    context_["pairs_text"] = t("transfers.pairs_shown", {{"total", number(static_cast<std::int64_t>(pairs.size()))}});
    if (query.offset > 0)
      context_["previous_href"] = explorer_href(
          request_, {{"offset", query.offset > query.limit ? std::to_string(query.offset - query.limit) : ""}});
    if (query.offset + query.limit < pairs.size())
      context_["next_href"] = explorer_href(request_, {{"offset", std::to_string(query.offset + query.limit)}});
  }

  TransfersService& service_;
  const AppContext& app_;
  const HttpRequest& request_;
  LanguageChoice choice_;
  Language language_;
  TransferParams params_;
  transfers::BudgetWatch watch_;  // the whole page is one query: facets, view and charts
  nlohmann::json context_;
};

}  // namespace

void add_explorer_page(Router& router, std::shared_ptr<TransfersService> service) {
  router.add(HttpMethod::get, "/transfers", [service](HttpRequest& request) {
    auto response = Explorer(*service, request).render();
    response.set_private_no_store();  // what it shows depends on who asks
    return response;
  });
}

}  // namespace att::web
