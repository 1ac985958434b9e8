// The lines of the current versions of submitted annual reports, column by column, with texts
// dictionary-encoded: the read model the transfers database answers from (docs/decisions.md).
// It holds every such line, public or restricted, with the facts the read rule looks at (the
// reporting State, whether the line's table is restricted); a query applies the viewer's rule as
// its first condition (line_selection.hpp). A table is never changed once built: a change in the
// database gives a new table, so readers need no lock.
#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/reports/annual_report.hpp"
#include "reporting/transfers/dictionary.hpp"

namespace att::transfers {

// A line's number of items when it gave none.
inline constexpr std::int64_t no_items = std::numeric_limits<std::int64_t>::min();

// Basis as stored per line: the line's own, else its report's default, else unknown.
enum class LineBasis : std::uint8_t { unknown, authorized, actual };

// One current version, and where its lines sit (consecutive).
struct VersionEntry {
  std::int64_t version_id = 0;
  std::uint32_t reporter = 0;  // code in LineTable::states
  int year = 0;
  std::int64_t version_no = 0;
  std::size_t first_line = 0;
  std::size_t line_count = 0;
};

// A version as read from the database, before encoding.
struct VersionFacts {
  std::int64_t version_id = 0;
  std::string reporting_state;
  int year = 0;
  std::int64_t version_no = 0;
  bool exports_restricted = true;
  bool imports_restricted = true;
  std::optional<reports::Basis> default_basis;
};

struct LineTable {
  // Dictionaries: one for State codes (reporter, partner, origin), so that an exporter's and an
  // importer's codes compare as numbers in the mirror.
  Dictionary states, categories, currencies, places;
  Dictionary descriptions{true}, comments{true};

  std::vector<VersionEntry> versions;
  // Per line, all of the same length.
  std::vector<std::uint32_t> version;  // index into versions
  std::vector<std::uint32_t> reporter, partner, origin, category, currency, description, comment, intermediate;
  // A value as the State wrote it ("1250000.50"): nearly every one differs, so they are not
  // dictionary-encoded but kept end to end, each ended by a NUL, at value_text[line].
  std::string value_chars = std::string(1, '\0');
  std::vector<std::uint32_t> value_text;
  std::vector<std::uint16_t> year;
  std::vector<std::uint8_t> is_import;   // 0 export, 1 import
  std::vector<std::uint8_t> restricted;  // the line's table is for States Parties only
  std::vector<LineBasis> basis;
  std::vector<std::int64_t> items;  // no_items when not given
  std::vector<double> value;        // NaN when not given
  // In a table of totals (line_totals.hpp), how many lines each row stands for; empty in a table
  // of lines, where a row is one line.
  std::vector<std::uint32_t> weight;

  // The same lines totalled per version and line facts (line_totals.hpp), for the summaries that
  // neither search text nor (for the first) look at partners; set by the read model, null in a
  // table of totals.
  std::shared_ptr<const LineTable> totals_without_partner, totals_with_partner;

  [[nodiscard]] std::size_t size() const { return version.size(); }
  [[nodiscard]] std::uint32_t lines_in(std::size_t row) const { return weight.empty() ? 1 : weight[row]; }
  [[nodiscard]] std::string_view value_as_written(std::size_t line) const {
    return value_chars.data() + value_text[line];
  }
  // Appends one version and its lines (in their order).
  void append(const VersionFacts& facts, const std::vector<reports::ReportLine>& lines);
  // A copy holding only the versions `keep` accepts (dictionaries kept whole).
  [[nodiscard]] LineTable retaining(const std::function<bool(std::int64_t version_id)>& keep) const;

 private:
  std::uint32_t append_value(std::string_view text);
};

std::string_view to_string(LineBasis basis);  // "" for unknown

}  // namespace att::transfers
