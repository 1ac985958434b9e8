#include "web/reporting/pasted_rows.hpp"

#include <map>
#include <optional>

#include "core/text_folding.hpp"
#include "web/reporting/editor_form.hpp"

namespace att::web {

namespace {

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = std::min(text.find(separator, start), text.size());
    parts.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

// Every name a heading may give a column: its id and its label in each language, folded.
std::map<std::string, std::string> column_names(const text::Catalog& catalog, reports::Direction direction) {
  std::map<std::string, std::string> names;
  for (const auto& column : line_columns()) {
    names[fold_name(column)] = column;
    for (const auto language : all_languages)
      names[fold_name(catalog.text(language, "reporting.col_" + column))] = column;
  }
  // The partner column is headed "Importing State" in exports, "Exporting State" in imports.
  for (const auto language : all_languages) {
    names[fold_name(catalog.text(language, direction == reports::Direction::exports ? "reports.importer"
                                                                                    : "reports.exporter"))] =
        "partner_state";
    names[fold_name(catalog.text(language, "reports.basis"))] = "basis";
    names[fold_name(catalog.text(language, "reports.category"))] = "category";
  }
  return names;
}

// The columns a header row names, or nothing when the row is data (fewer than two headings known).
std::optional<std::vector<std::string>> header_columns(const std::vector<std::string>& cells,
                                                       const std::map<std::string, std::string>& names) {
  std::vector<std::string> columns;
  int known = 0;
  for (const auto& cell : cells) {
    const auto found = names.find(fold_name(cell));
    columns.push_back(found == names.end() ? std::string() : found->second);
    known += found == names.end() ? 0 : 1;
  }
  if (known < 2) return std::nullopt;
  return columns;
}

// "autorisé", "Autorizado", "actual" -> the basis's code; anything else as typed.
std::string basis_code(const std::string& cell, const text::Catalog& catalog) {
  const auto folded = fold_name(cell);
  for (const auto& [basis, key] : {std::pair{"authorized", "reports.basis_authorized"},
                                   std::pair{"actual", "reports.basis_actual"}}) {
    if (folded == basis) return basis;
    for (const auto language : all_languages)
      if (folded == fold_name(catalog.text(language, key))) return basis;
  }
  return cell;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> pasted_fields(const std::string& pasted, reports::Direction direction,
                                                               std::size_t first_row, const text::Catalog& catalog) {
  const auto names = column_names(catalog, direction);
  std::vector<std::string> columns = line_columns();
  std::vector<std::pair<std::string, std::string>> fields;
  auto row = first_row;
  bool first = true;
  for (auto line : split(pasted, '\n')) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    const auto cells = split(line, '\t');
    if (first) {
      first = false;
      if (auto heading = header_columns(cells, names)) {
        columns = std::move(*heading);
        continue;
      }
    }
    fields.emplace_back(line_field(row, "direction"), std::string(to_string(direction)));
    for (std::size_t i = 0; i < cells.size() && i < columns.size(); ++i) {
      if (columns[i].empty()) continue;
      auto cell = cells[i];
      if (columns[i] == "basis") cell = basis_code(cell, catalog);
      // Spreadsheets group thousands with spaces (also no-break ones) or commas: "1 200".
      if (columns[i] == "items") {
        std::string digits;
        for (std::size_t c = 0; c < cell.size(); ++c) {
          if (cell.compare(c, 2, "\xC2\xA0") == 0 || cell.compare(c, 3, "\xE2\x80\xAF") == 0) {
            c += cell[c + 1] == '\xA0' ? 1 : 2;
            continue;
          }
          if (cell[c] != ' ' && cell[c] != ',') digits += cell[c];
        }
        cell = digits;
      }
      fields.emplace_back(line_field(row, columns[i]), cell);
    }
    ++row;
  }
  return fields;
}

}  // namespace att::web
