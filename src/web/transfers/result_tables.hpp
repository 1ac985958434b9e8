// Summaries and mirror pairs as plain tables, for their CSV and XLSX downloads: one column per
// group key and measure, and one per currency, since sums in different currencies are never
// added together.
#pragma once

#include <string>
#include <vector>

#include "io/csv_writer.hpp"
#include "reporting/table_workbook.hpp"
#include "reporting/transfers/transfer_mirror.hpp"
#include "reporting/transfers/transfer_summary.hpp"

namespace att::web {

struct ResultTable {
  std::vector<std::string> columns;
  std::vector<std::vector<reporting::TableCell>> rows;
};

// Columns: the group keys, lines, reports, items, then value_<currency> for each currency.
ResultTable summary_table(const transfers::Summary& summary);
// Columns: year, category, exporter, importer, then each side's year, lines, items, basis and
// value_<currency>, then the flags and the discrepancies. The pairs from `offset`, at most `limit`.
ResultTable mirror_table(const std::vector<transfers::MirrorPair>& pairs, std::size_t offset, std::size_t limit);

std::string result_table_csv(const ResultTable& table, io::CsvFor reader);

}  // namespace att::web
