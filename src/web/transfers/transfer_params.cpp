#include "web/transfers/transfer_params.hpp"

#include <algorithm>
#include <charconv>
#include <limits>
#include <tuple>

#include "core/reports/report_template.hpp"
#include "core/utf8.hpp"
#include "io/templates_file.hpp"
#include "web/kit/language.hpp"

namespace att::web {

namespace {

// More codes than there are States is a mistake or an attack, not a query.
constexpr std::size_t max_list = 250;
// Free text longer than any description worth searching for.
constexpr std::size_t max_text_bytes = 200;

bool has_control_characters(const std::string& text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

// "-field" descends.
std::pair<std::string, bool> signed_field(const std::string& item) {
  if (!item.empty() && item.front() == '-') return {item.substr(1), true};
  return {item, false};
}

template <typename Field>
std::string names_of(const std::vector<Field>& fields, std::string_view (*name)(Field)) {
  std::string known;
  for (const auto field : fields) known += (known.empty() ? "" : ", ") + std::string(name(field));
  return known;
}

std::string_view row_field_name(transfers::RowField field) {
  using F = transfers::RowField;
  switch (field) {
    case F::reporter: return "reporter";
    case F::partner: return "partner";
    case F::year: return "year";
    case F::direction: return "direction";
    case F::category: return "category";
    case F::items: return "items";
    case F::value: return "value";
    case F::currency: return "currency";
    case F::basis: return "basis";
    case F::version: return "version";
  }
  return "";
}

const std::vector<transfers::RowField> all_row_fields{transfers::RowField::reporter, transfers::RowField::partner,
                                                      transfers::RowField::year,     transfers::RowField::direction,
                                                      transfers::RowField::category, transfers::RowField::items,
                                                      transfers::RowField::value,    transfers::RowField::currency,
                                                      transfers::RowField::basis,    transfers::RowField::version};

const std::vector<transfers::GroupField> all_group_fields{
    transfers::GroupField::reporter, transfers::GroupField::partner,   transfers::GroupField::year,
    transfers::GroupField::category, transfers::GroupField::direction, transfers::GroupField::region,
    transfers::GroupField::basis};

std::string_view group_field_name(transfers::GroupField field) { return transfers::to_string(field); }

}  // namespace

CategoryCodes category_codes(const std::string& data_dir) {
  CategoryCodes codes;
  codes.known.insert("NAT");
  const auto canonical = io::load_canonical_categories(std::filesystem::path(data_dir) / "categories.json");
  if (!canonical) return codes;
  for (const auto& [code, parent] : canonical->parent_of) {
    // Every dotted prefix is a group: VIII.SA.1 gives VIII.SA and VIII.
    for (auto dot = code.find('.'); dot != std::string::npos; dot = code.find('.', dot + 1))
      codes.known.insert(code.substr(0, dot));
    codes.known.insert(code);
  }
  return codes;
}

std::string filter_query_string(const HttpRequest& request) {
  static const std::set<std::string, std::less<>> filters{"reporter", "partner", "direction", "category", "year_from",
                                                          "year_to",  "basis",   "region",    "q"};
  std::string query;
  for (const auto& [name, value] : parse_query(request.query_string))
    if (filters.contains(name) && !value.empty())
      query += (query.empty() ? "" : "&") + percent_encode(name) + "=" + percent_encode(value);
  return query;
}

TransferParams::TransferParams(const HttpRequest& request, const AppContext& app, const CategoryCodes& categories)
    : request_(request), app_(app), categories_(categories), language_(choose_language(request).language) {}

ParamError TransferParams::error(const std::string& parameter, const std::string& code, const std::string& key,
                                 std::map<std::string, std::string> values) const {
  return {parameter, code, app_.catalog.text(language_, key, values)};
}

std::vector<std::string> TransferParams::list(const std::string& name) const {
  std::vector<std::string> items;
  const auto text = request_.query(name).value_or("");
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    auto item = text.substr(start, end - start);
    item.erase(0, item.find_first_not_of(' '));
    item.erase(item.find_last_not_of(' ') + 1);
    if (!item.empty()) items.push_back(item);
    start = end + 1;
  }
  return items;
}

tl::expected<std::vector<std::string>, ParamError> TransferParams::states(const std::string& name) const {
  auto codes = list(name);
  if (codes.size() > max_list)
    return tl::unexpected(error(name, "too_many_values", "errors.transfers_too_many",
                                {{"param", name}, {"max", std::to_string(max_list)}}));
  for (auto& code : codes) {
    const auto* state = app_.states->find_by_code(code);
    if (!state) return tl::unexpected(error(name, "invalid_state", "errors.state_unknown", {{"code", shown(code)}}));
    code = state->iso3;
  }
  return codes;
}

tl::expected<std::optional<int>, ParamError> TransferParams::year(const std::string& name) const {
  const auto text = request_.query(name).value_or("");
  if (text.empty()) return std::nullopt;
  if (const auto year = reports::year_from_text(text)) return year;
  return tl::unexpected(error(name, "invalid_year", "errors.year_invalid", {{"value", shown(text)}}));
}

tl::expected<std::size_t, ParamError> TransferParams::count(const std::string& name, std::size_t absent,
                                                            std::size_t max) const {
  const auto text = request_.query(name).value_or("");
  if (text.empty()) return absent;
  std::size_t value = 0;
  const auto [end, failure] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (failure != std::errc{} || end != text.data() + text.size() || value > max)
    return tl::unexpected(error(name, "invalid_" + name, "errors.transfers_count",
                                {{"param", name}, {"value", shown(text)}, {"max", std::to_string(max)}}));
  return value;
}

tl::expected<std::pair<std::size_t, std::size_t>, ParamError> TransferParams::paging() const {
  auto limit = count("limit", default_limit, max_limit);
  if (!limit) return tl::unexpected(limit.error());
  auto offset = count("offset", 0, std::numeric_limits<std::uint32_t>::max());
  if (!offset) return tl::unexpected(offset.error());
  return std::pair{*limit, *offset};
}

tl::expected<DownloadFormat, ParamError> TransferParams::format() const {
  const auto format = request_.query("format").value_or("json");
  if (format == "csv") return DownloadFormat::csv;
  if (format == "xlsx") return DownloadFormat::xlsx;
  if (format == "json" || format.empty()) return DownloadFormat::json;
  return tl::unexpected(error("format", "invalid_format", "errors.transfers_format", {{"value", shown(format)}}));
}

tl::expected<transfers::TransferFilter, ParamError> TransferParams::filter() const {
  transfers::TransferFilter filter;
  auto reporters = states("reporter");
  if (!reporters) return tl::unexpected(reporters.error());
  filter.reporters = std::move(*reporters);
  auto partners = states("partner");
  if (!partners) return tl::unexpected(partners.error());
  filter.partners = std::move(*partners);
  if (const auto direction = request_.query("direction").value_or(""); !direction.empty()) {
    filter.direction = reports::direction_from_string(direction);
    if (!filter.direction)
      return tl::unexpected(
          error("direction", "invalid_direction", "errors.transfers_direction", {{"value", shown(direction)}}));
  }
  for (const auto& code : list("category")) {
    const bool national = code.starts_with("NAT:") && reports::is_national_category(code);
    if (!national && !categories_.known.contains(code))
      return tl::unexpected(
          error("category", "invalid_category", "errors.transfers_category", {{"value", shown(code)}}));
    filter.categories.push_back(code);
  }
  auto from = year("year_from");
  if (!from) return tl::unexpected(from.error());
  auto to = year("year_to");
  if (!to) return tl::unexpected(to.error());
  if (*from && *to && **from > **to)
    return tl::unexpected(error("year_from", "years_reversed", "errors.transfers_years",
                                {{"from", std::to_string(**from)}, {"to", std::to_string(**to)}}));
  filter.year_from = *from;
  filter.year_to = *to;
  for (const auto& basis : list("basis")) {
    const auto parsed = reports::basis_from_string(basis);
    if (!parsed)
      return tl::unexpected(error("basis", "invalid_basis", "errors.transfers_basis", {{"value", shown(basis)}}));
    const auto line_basis =
        *parsed == reports::Basis::authorized ? transfers::LineBasis::authorized : transfers::LineBasis::actual;
    if (std::find(filter.bases.begin(), filter.bases.end(), line_basis) == filter.bases.end())
      filter.bases.push_back(line_basis);
  }
  auto region = region_param(request_, app_, language_);
  if (!region) return tl::unexpected(region.error());
  filter.region = *region;
  filter.text = request_.query("q").value_or("");
  if (filter.text.size() > max_text_bytes || !is_utf8(filter.text) || has_control_characters(filter.text))
    return tl::unexpected(
        error("q", "invalid_text", "errors.transfers_text", {{"max", std::to_string(max_text_bytes)}}));
  return filter;
}

tl::expected<RowsQuery, ParamError> TransferParams::rows() const {
  RowsQuery query;
  auto filter = this->filter();
  if (!filter) return tl::unexpected(filter.error());
  query.filter = std::move(*filter);
  for (const auto& item : list("sort")) {
    const auto [name, descending] = signed_field(item);
    const auto field = transfers::row_field_from(name);
    if (!field)
      return tl::unexpected(error("sort", "invalid_sort", "errors.transfers_field",
                                  {{"value", shown(item)}, {"known", names_of(all_row_fields, &row_field_name)}}));
    query.sort.push_back({*field, descending});
  }
  auto format = this->format();
  if (!format) return tl::unexpected(format.error());
  query.format = *format;
  // Every line at once only as CSV: it is streamed, while JSON and XLSX are built whole.
  if (request_.query("limit") == "all") {
    if (query.format != DownloadFormat::csv)
      return tl::unexpected(error("limit", "invalid_limit", "errors.transfers_all_lines", {}));
    query.every_line = true;
    auto offset = count("offset", 0, std::numeric_limits<std::uint32_t>::max());
    if (!offset) return tl::unexpected(offset.error());
    query.offset = *offset;
    query.limit = std::numeric_limits<std::uint32_t>::max();
    return query;
  }
  auto paging = this->paging();
  if (!paging) return tl::unexpected(paging.error());
  std::tie(query.limit, query.offset) = *paging;
  return query;
}

tl::expected<SummaryQuery, ParamError> TransferParams::summary() const {
  SummaryQuery query;
  auto filter = this->filter();
  if (!filter) return tl::unexpected(filter.error());
  query.filter = std::move(*filter);
  const auto known_groups = names_of(all_group_fields, &group_field_name);
  for (const auto& name : list("group_by")) {
    const auto field = transfers::group_field_from(name);
    if (!field)
      return tl::unexpected(error("group_by", "invalid_group_by", "errors.transfers_field",
                                  {{"value", shown(name)}, {"known", known_groups}}));
    if (std::find(query.group_by.begin(), query.group_by.end(), *field) == query.group_by.end())
      query.group_by.push_back(*field);
  }
  for (const auto& item : list("sort")) {
    const auto [name, descending] = signed_field(item);
    transfers::GroupOrder order;
    order.descending = descending;
    if (const auto measure = transfers::measure_from(name))
      order.measure = *measure;
    else if (const auto field = transfers::group_field_from(name))
      order.key = *field;
    else
      return tl::unexpected(error("sort", "invalid_sort", "errors.transfers_field",
                                  {{"value", shown(item)}, {"known", known_groups + ", lines, reports, items"}}));
    query.sort.push_back(order);
  }
  auto paging = this->paging();
  if (!paging) return tl::unexpected(paging.error());
  query.limit = paging->first;
  auto format = this->format();
  if (!format) return tl::unexpected(format.error());
  query.format = *format;
  return query;
}

tl::expected<MirrorQuery, ParamError> TransferParams::mirror() const {
  MirrorQuery query;
  auto filter = this->filter();
  if (!filter) return tl::unexpected(filter.error());
  query.filter = std::move(*filter);
  // The pairs are chosen by exporter and importer; reporter, partner, direction and the
  // reporter's region would cut one side of each pair away.
  query.filter.region.reset();
  query.filter.reporters.clear();
  query.filter.partners.clear();
  query.filter.direction.reset();
  auto exporters = states("exporter");
  if (!exporters) return tl::unexpected(exporters.error());
  query.pairs.exporters = std::move(*exporters);
  auto importers = states("importer");
  if (!importers) return tl::unexpected(importers.error());
  query.pairs.importers = std::move(*importers);
  auto tolerance = count("tolerance", 0, 1);
  if (!tolerance) return tl::unexpected(tolerance.error());
  query.pairs.year_tolerance = static_cast<int>(*tolerance);
  auto paging = this->paging();
  if (!paging) return tl::unexpected(paging.error());
  std::tie(query.limit, query.offset) = *paging;
  auto format = this->format();
  if (!format) return tl::unexpected(format.error());
  query.format = *format;
  return query;
}

}  // namespace att::web
