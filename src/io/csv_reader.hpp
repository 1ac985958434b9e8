// RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks; a UTF-8 BOM is skipped.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "core/problem.hpp"

namespace att::io {

struct CsvRecord {
  std::size_t line = 0;  // 1-based line on which the record starts
  std::vector<std::string> fields;
};

// The longest record read, in bytes. Real lines are a few hundred bytes; a longer record is
// refused as soon as its first bytes past the limit are seen, so that a file of one endless line
// is neither read to its end nor held in memory.
inline constexpr std::size_t max_csv_record_bytes = std::size_t{1} << 20;

struct CsvError {
  std::size_t line = 0;
  std::string message;  // English; callers translate by `kind`
  enum class Kind { unterminated_quote, text_after_quote, record_too_long } kind{};
};

// The error as a located problem (csv_unterminated_quote, csv_text_after_quote, csv_record_too_long).
Problem csv_problem(const CsvError& error);

tl::expected<std::vector<CsvRecord>, CsvError> parse_csv(std::string_view text);

// The same reading, one record at a time, so that a large file is never held as records in
// memory. The record passed is reused: copy what you keep. Blank lines are skipped.
tl::expected<void, CsvError> for_each_csv_record(std::string_view text,
                                                 const std::function<void(const CsvRecord&)>& visit);

// Reading a file in pieces, so that it is never held whole in memory. Visits the complete
// records at the start of `text`, which begins at a record boundary on line `first_line`, and
// says how far they reach: the rest is an unfinished record, to be given again with the piece
// that follows. With `last`, `text` is the end of the file and is read to its end. (A BOM is
// the caller's to remove from the first piece.)
struct CsvPiece {
  std::size_t consumed = 0;  // bytes of `text` read as whole records
  std::size_t line = 1;      // the line on which the rest begins
};
tl::expected<CsvPiece, CsvError> for_each_complete_csv_record(std::string_view text, std::size_t first_line, bool last,
                                                              const std::function<void(const CsvRecord&)>& visit);

// Records keyed by the header row: `field(record, "iso3")`.
class CsvTable {
 public:
  static tl::expected<CsvTable, CsvError> parse(std::string_view text);

  [[nodiscard]] const std::vector<std::string>& header() const { return header_; }
  [[nodiscard]] const std::vector<CsvRecord>& rows() const { return rows_; }
  [[nodiscard]] bool has_column(std::string_view name) const;
  // The named field of a row, empty when the column is absent or the row is short.
  [[nodiscard]] std::string_view field(const CsvRecord& row, std::string_view column) const;

 private:
  std::vector<std::string> header_;
  std::vector<CsvRecord> rows_;
};

}  // namespace att::io
