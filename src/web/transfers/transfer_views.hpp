// The transfers API's answers: lines as JSON, CSV or XLSX; summaries and mirror pairs as JSON.
#pragma once

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "io/csv_writer.hpp"
#include "reporting/table_workbook.hpp"
#include "reporting/transfers/line_table.hpp"
#include "reporting/transfers/transfer_mirror.hpp"
#include "reporting/transfers/transfer_summary.hpp"
#include "web/http/http.hpp"
#include "reporting/transfers/query_budget.hpp"
#include "text/catalog.hpp"

namespace att::web {

// The fields of a line, in the order of the CSV and XLSX columns; also the JSON names.
const std::vector<std::string>& transfer_columns();

nlohmann::json transfer_row_json(const transfers::LineTable& table, std::uint32_t line);
std::string transfer_rows_csv(const transfers::LineTable& table, const std::vector<std::uint32_t>& lines,
                              io::CsvFor reader);
// The same CSV in pieces, for a download of every selected line (limit=all): the table is kept
// alive by the pieces, so a refresh of the read model during the download changes nothing in it.
BodyPieces transfer_rows_csv_pieces(std::shared_ptr<const transfers::LineTable> table,
                                    std::vector<std::uint32_t> lines, io::CsvFor reader);
// What a download of lines says about itself: the query, when, from where, on what terms.
struct DownloadAbout {
  std::string query;         // the filters as a query string, "" for everything
  std::string generated_at;  // ISO 8601, UTC
  std::string source;        // the API address that gives the same lines
  std::string terms;         // the terms of use, in the caller's language
};
nlohmann::json about_json(const DownloadAbout& about);
// The same as the lines of an XLSX download's "About" sheet.
reporting::AboutLines about_lines(const DownloadAbout& about);

std::string transfer_rows_xlsx(const transfers::LineTable& table, const std::vector<std::uint32_t>& lines,
                               const DownloadAbout& about);

// What a query over its budget is told: the code, and the message in the caller's language.
std::string over_budget_code(const transfers::OverBudget& over);
std::string over_budget_text(const text::Catalog& catalog, Language language, const transfers::OverBudget& over);

// The summary as JSON text: {"groups":[…],"total_groups":N,"group_by":[…]}.
std::string summary_json_text(const transfers::Summary& summary);
// Pairs from `offset`, at most `limit`; the discrepancies of those pairs, and how many there are in all.
nlohmann::json mirror_json(const std::vector<transfers::MirrorPair>& pairs, std::size_t offset, std::size_t limit);

}  // namespace att::web
