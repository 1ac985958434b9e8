#include "web/transfers/transfer_views.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "reporting/table_workbook.hpp"
#include "web/http/api_errors.hpp"

namespace att::web {

namespace {

using transfers::LineTable;

nlohmann::json text_or_null(const std::string& text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

// Gives `field` one line's fields as text, in transfer_columns() order ("" when not given),
// without a string per field: a full download writes millions of them.
template <typename Field>
void visit_fields(const LineTable& t, std::uint32_t line, Field&& field) {
  char digits[3][24];
  const auto number = [&digits](int slot, auto value) {
    const auto end = std::to_chars(digits[slot], digits[slot] + sizeof digits[slot], value).ptr;
    return std::string_view(digits[slot], static_cast<std::size_t>(end - digits[slot]));
  };
  field(t.states.text(t.reporter[line]));
  field(number(0, t.year[line]));
  field(std::string_view(t.is_import[line] ? "import" : "export"));
  field(t.categories.text(t.category[line]));
  field(t.states.text(t.partner[line]));
  field(t.items[line] == transfers::no_items ? std::string_view() : number(1, t.items[line]));
  field(t.value_as_written(line));
  field(t.currencies.text(t.currency[line]));
  field(to_string(t.basis[line]));
  field(t.descriptions.text(t.description[line]));
  field(t.comments.text(t.comment[line]));
  field(t.states.text(t.origin[line]));
  field(t.places.text(t.intermediate[line]));
  field(number(2, t.versions[t.version[line]].version_no));
  field(std::string_view(t.restricted[line] ? "restricted" : "public"));
}

std::vector<std::string> fields_of(const LineTable& t, std::uint32_t line) {
  std::vector<std::string> fields;
  fields.reserve(transfer_columns().size());
  visit_fields(t, line, [&fields](std::string_view field) { fields.emplace_back(field); });
  return fields;
}

void append_csv_record(std::string& out, const LineTable& t, std::uint32_t line, io::CsvFor reader) {
  bool first = true;
  visit_fields(t, line, [&](std::string_view field) {
    if (!first) out += ',';
    first = false;
    io::append_csv_field(out, field, reader);
  });
  out += '\n';
}

nlohmann::json values_json(const std::map<std::string, double>& values) {
  nlohmann::json json = nlohmann::json::object();
  // Sums of amounts written with at most a few decimals: rounded to cents, so that adding
  // 0.1 and 0.2 does not show 0.30000000000000004.
  for (const auto& [currency, sum] : values) json[currency] = std::round(sum * 100.0) / 100.0;
  return json;
}

nlohmann::json side_json(const std::optional<transfers::MirrorSide>& side) {
  if (!side) return nullptr;
  nlohmann::json bases = nlohmann::json::array();
  for (const auto& basis : side->bases) bases.push_back(text_or_null(basis));
  return {{"year", side->year},
          {"lines", side->lines},
          {"items", side->gave_items ? nlohmann::json(side->items) : nlohmann::json(nullptr)},
          {"values", values_json(side->values)},
          {"basis", bases}};
}

}  // namespace

const std::vector<std::string>& transfer_columns() {
  static const std::vector<std::string> columns{"reporter",
                                                "year",
                                                "direction",
                                                "category",
                                                "partner",
                                                "items",
                                                "value",
                                                "currency",
                                                "basis",
                                                "description",
                                                "comments",
                                                "state_of_origin",
                                                "intermediate_location",
                                                "version",
                                                "visibility"};
  return columns;
}

nlohmann::json transfer_row_json(const LineTable& t, std::uint32_t line) {
  const auto fields = fields_of(t, line);
  const auto& columns = transfer_columns();
  nlohmann::json row = nlohmann::json::object();
  for (std::size_t c = 0; c < columns.size(); ++c) row[columns[c]] = text_or_null(fields[c]);
  row["year"] = t.year[line];
  row["items"] = t.items[line] == transfers::no_items ? nlohmann::json(nullptr) : nlohmann::json(t.items[line]);
  row["version"] = t.versions[t.version[line]].version_no;
  row["description"] = fields[9];
  row["comments"] = fields[10];
  return row;
}

std::string transfer_rows_csv(const LineTable& table, const std::vector<std::uint32_t>& lines, io::CsvFor reader) {
  std::string out;
  io::append_csv_line(out, transfer_columns(), reader);
  for (const auto line : lines) append_csv_record(out, table, line, reader);
  return out;
}

BodyPieces transfer_rows_csv_pieces(std::shared_ptr<const LineTable> table, std::vector<std::uint32_t> lines,
                                    io::CsvFor reader) {
  // A piece large enough that writing it costs more than handing it over, small enough that
  // many downloads at once stay a few megabytes.
  constexpr std::size_t piece_bytes = 256 * 1024;
  struct Cursor {
    std::shared_ptr<const LineTable> table;  // the table as of the request, kept while writing
    std::vector<std::uint32_t> lines;
    io::CsvFor reader;
    std::size_t next = 0;
    bool header_written = false;
  };
  auto cursor = std::make_shared<Cursor>(Cursor{std::move(table), std::move(lines), reader});
  return [cursor]() -> std::optional<std::string> {
    std::string piece;
    if (!cursor->header_written) {
      io::append_csv_line(piece, transfer_columns(), cursor->reader);
      cursor->header_written = true;
    } else if (cursor->next == cursor->lines.size()) {
      return std::nullopt;
    }
    piece.reserve(piece_bytes + 4096);
    while (cursor->next < cursor->lines.size() && piece.size() < piece_bytes)
      append_csv_record(piece, *cursor->table, cursor->lines[cursor->next++], cursor->reader);
    return piece;
  };
}

std::string over_budget_code(const transfers::OverBudget& over) {
  return over.kind() == transfers::OverBudget::Kind::time ? "query_too_slow" : "query_too_large";
}

std::string over_budget_text(const text::Catalog& catalog, Language language, const transfers::OverBudget& over) {
  if (over.kind() == transfers::OverBudget::Kind::time)
    return catalog.text(language, "errors.transfers_too_slow", {{"ms", std::to_string(over.budget().time.count())}});
  return catalog.text(language, "errors.transfers_too_large", {{"groups", std::to_string(over.budget().groups)}});
}

nlohmann::json about_json(const DownloadAbout& about) {
  return {
      {"query", about.query}, {"generated_at", about.generated_at}, {"source", about.source}, {"terms", about.terms}};
}

std::string transfer_rows_xlsx(const LineTable& table, const std::vector<std::uint32_t>& lines,
                               const DownloadAbout& about) {
  std::vector<std::vector<reporting::TableCell>> rows;
  rows.reserve(lines.size());
  for (const auto line : lines) {
    std::vector<reporting::TableCell> cells;
    for (auto& field : fields_of(table, line)) cells.emplace_back(std::move(field));
    cells[1] = static_cast<double>(table.year[line]);
    if (table.items[line] != transfers::no_items) cells[5] = static_cast<double>(table.items[line]);
    if (!std::isnan(table.value[line])) cells[6] = table.value[line];
    cells[13] = static_cast<double>(table.versions[table.version[line]].version_no);
    rows.push_back(std::move(cells));
  }
  return reporting::write_table_workbook("Transfers", transfer_columns(), rows, about_lines(about));
}

reporting::AboutLines about_lines(const DownloadAbout& about) {
  return {
      {"query", about.query}, {"generated_at", about.generated_at}, {"source", about.source}, {"terms", about.terms}};
}

namespace {

// Appends `text` as a JSON string. Keys and currencies are codes, nearly always plain ASCII: those
// are copied as they are, anything else goes through the JSON library's escaping.
void append_json_string(std::string& out, const std::string& text) {
  const bool plain = std::all_of(text.begin(), text.end(), [](char c) {
    return static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x80 && c != '"' && c != '\\';
  });
  if (!plain) {
    out += json_text(nlohmann::json(text));
    return;
  }
  out += '"';
  out += text;
  out += '"';
}

// A sum as values_json() writes it: rounded to cents, and with a decimal point as the JSON
// library writes a floating-point number ("12.0", not "12").
void append_json_amount(std::string& out, double sum) {
  char digits[64];
  const auto end = std::to_chars(digits, digits + sizeof digits, std::round(sum * 100.0) / 100.0).ptr;
  const std::string_view written(digits, static_cast<std::size_t>(end - digits));
  out += written;
  if (written.find_first_of(".eEn") == std::string_view::npos) out += ".0";
}

}  // namespace

std::string summary_json_text(const transfers::Summary& summary) {
  // Written directly rather than through JSON objects: a full group-by has thousands of groups,
  // and building an object per group cost more than computing the groups.
  std::vector<std::string> names;
  for (const auto field : summary.group_by) {
    std::string name;
    append_json_string(name, std::string(to_string(field)));
    names.push_back(name + ":");
  }
  std::string out = "{\"groups\":[";
  out.reserve(summary.groups.size() * 128);
  char number[24];
  for (std::size_t g = 0; g < summary.groups.size(); ++g) {
    const auto& group = summary.groups[g];
    out += g == 0 ? "{" : ",{";
    for (std::size_t f = 0; f < summary.group_by.size(); ++f) {
      out += names[f];
      const auto& key = group.keys[f];
      if (summary.group_by[f] == transfers::GroupField::year)
        out += key;
      else if (key.empty())
        out += "null";
      else
        append_json_string(out, key);
      out += ',';
    }
    for (const auto& [name, count] : {std::pair{"\"lines\":", group.lines}, std::pair{",\"reports\":", group.reports},
                                      std::pair{",\"items\":", group.items}}) {
      out += name;
      out.append(number, std::to_chars(number, number + sizeof number, count).ptr);
    }
    out += ",\"values\":{";
    bool first = true;
    for (const auto& [currency, sum] : group.values) {
      if (!first) out += ',';
      first = false;
      append_json_string(out, currency);
      out += ':';
      append_json_amount(out, sum);
    }
    out += "}}";
  }
  nlohmann::json group_by = nlohmann::json::array();
  for (const auto field : summary.group_by) group_by.push_back(std::string(to_string(field)));
  out += "],\"total_groups\":" + std::to_string(summary.total_groups) + ",\"group_by\":" + json_text(group_by) + "}";
  return out;
}

nlohmann::json mirror_json(const std::vector<transfers::MirrorPair>& pairs, std::size_t offset, std::size_t limit) {
  nlohmann::json shown = nlohmann::json::array();
  nlohmann::json discrepancies = nlohmann::json::array();
  std::size_t total_discrepancies = 0;
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    const auto& pair = pairs[i];
    if (!pair.discrepancies.empty()) ++total_discrepancies;
    if (i < offset || i >= offset + limit) continue;
    const nlohmann::json key = {
        {"year", pair.year}, {"category", pair.category}, {"exporter", pair.exporter}, {"importer", pair.importer}};
    auto json = key;
    json["exporter_reported"] = side_json(pair.exporter_side);
    json["importer_reported"] = side_json(pair.importer_side);
    json["flags"] = {{"basis_differs", pair.basis_differs}, {"units_differ", pair.units_differ}};
    shown.push_back(std::move(json));
    if (pair.discrepancies.empty()) continue;
    auto entry = key;
    entry["kinds"] = nlohmann::json::array();
    for (const auto kind : pair.discrepancies) entry["kinds"].push_back(std::string(to_string(kind)));
    discrepancies.push_back(std::move(entry));
  }
  return {{"pairs", std::move(shown)},
          {"total_pairs", pairs.size()},
          {"limit", limit},
          {"offset", offset},
          {"discrepancies", std::move(discrepancies)},
          {"total_discrepancies", total_discrepancies}};
}

}  // namespace att::web
