#include "web/transfers/result_tables.hpp"

#include <charconv>
#include <cmath>
#include <set>

namespace att::web {

namespace {

using reporting::TableCell;

// Sums of amounts written with a few decimals, rounded to cents as in the JSON answer.
double cents(double sum) { return std::round(sum * 100.0) / 100.0; }

std::vector<std::string> currencies_of(const std::vector<const std::map<std::string, double>*>& sums) {
  std::set<std::string> currencies;
  for (const auto* values : sums)
    for (const auto& [currency, sum] : *values) currencies.insert(currency);
  return {currencies.begin(), currencies.end()};
}

void add_values(std::vector<TableCell>& row, const std::map<std::string, double>& values,
                const std::vector<std::string>& currencies) {
  for (const auto& currency : currencies) {
    const auto found = values.find(currency);
    if (found == values.end())
      row.emplace_back();
    else
      row.emplace_back(cents(found->second));
  }
}

std::string joined(const std::set<std::string>& texts) {
  std::string out;
  for (const auto& text : texts) out += (out.empty() ? "" : " ") + (text.empty() ? std::string("unstated") : text);
  return out;
}

std::string cell_text(const TableCell& cell) {
  if (const auto* text = std::get_if<std::string>(&cell)) return *text;
  if (const auto* number = std::get_if<double>(&cell)) {
    char digits[32];
    const auto end = std::to_chars(digits, digits + sizeof digits, *number).ptr;
    return {digits, end};
  }
  return {};
}

}  // namespace

ResultTable summary_table(const transfers::Summary& summary) {
  ResultTable table;
  for (const auto field : summary.group_by) table.columns.emplace_back(to_string(field));
  for (const auto* measure : {"lines", "reports", "items"}) table.columns.emplace_back(measure);
  std::vector<const std::map<std::string, double>*> sums;
  for (const auto& group : summary.groups) sums.push_back(&group.values);
  const auto currencies = currencies_of(sums);
  for (const auto& currency : currencies) table.columns.push_back("value_" + currency);
  for (const auto& group : summary.groups) {
    std::vector<TableCell> row;
    for (std::size_t f = 0; f < summary.group_by.size(); ++f) {
      if (summary.group_by[f] == transfers::GroupField::year)
        row.emplace_back(std::stod(group.keys[f]));
      else
        row.emplace_back(group.keys[f]);
    }
    for (const auto measure : {group.lines, group.reports, group.items}) row.emplace_back(static_cast<double>(measure));
    add_values(row, group.values, currencies);
    table.rows.push_back(std::move(row));
  }
  return table;
}

ResultTable mirror_table(const std::vector<transfers::MirrorPair>& pairs, std::size_t offset, std::size_t limit) {
  const auto first = std::min(offset, pairs.size());
  const auto last = std::min(pairs.size(), first + limit);
  std::vector<const std::map<std::string, double>*> sums;
  for (auto i = first; i < last; ++i)
    for (const auto* side : {&pairs[i].exporter_side, &pairs[i].importer_side})
      if (*side) sums.push_back(&(*side)->values);
  const auto currencies = currencies_of(sums);

  ResultTable table;
  table.columns = {"year", "category", "exporter", "importer"};
  for (const std::string side : {"exporter", "importer"}) {
    for (const auto* column : {"_year", "_lines", "_items", "_basis"}) table.columns.push_back(side + column);
    for (const auto& currency : currencies) table.columns.push_back(side + "_value_" + currency);
  }
  for (const auto* column : {"basis_differs", "units_differ", "discrepancies"}) table.columns.emplace_back(column);

  for (auto i = first; i < last; ++i) {
    const auto& pair = pairs[i];
    std::vector<TableCell> row;
    row.emplace_back(static_cast<double>(pair.year));
    for (const auto* text : {&pair.category, &pair.exporter, &pair.importer}) row.emplace_back(*text);
    for (const auto* side : {&pair.exporter_side, &pair.importer_side}) {
      if (!*side) {
        row.resize(row.size() + 4 + currencies.size());
        continue;
      }
      const auto& reported = **side;
      row.emplace_back(static_cast<double>(reported.year));
      row.emplace_back(static_cast<double>(reported.lines));
      if (reported.gave_items)
        row.emplace_back(static_cast<double>(reported.items));
      else
        row.emplace_back();
      row.emplace_back(joined(reported.bases));
      add_values(row, reported.values, currencies);
    }
    row.emplace_back(std::string(pair.basis_differs ? "yes" : "no"));
    row.emplace_back(std::string(pair.units_differ ? "yes" : "no"));
    std::set<std::string> kinds;
    for (const auto kind : pair.discrepancies) kinds.emplace(to_string(kind));
    row.emplace_back(joined(kinds));
    table.rows.push_back(std::move(row));
  }
  return table;
}

std::string result_table_csv(const ResultTable& table, io::CsvFor reader) {
  std::string out;
  io::append_csv_line(out, table.columns, reader);
  std::vector<std::string> fields;
  for (const auto& row : table.rows) {
    fields.clear();
    for (const auto& cell : row) fields.push_back(cell_text(cell));
    io::append_csv_line(out, fields, reader);
  }
  return out;
}

}  // namespace att::web
