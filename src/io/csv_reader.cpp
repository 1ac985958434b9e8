#include "io/csv_reader.hpp"

#include <algorithm>
#include <map>

namespace att::io {

namespace {

std::string_view code_of(CsvError::Kind kind) {
  switch (kind) {
    case CsvError::Kind::unterminated_quote: return problem_codes::csv_unterminated_quote;
    case CsvError::Kind::text_after_quote: return problem_codes::csv_text_after_quote;
    case CsvError::Kind::record_too_long: return problem_codes::csv_record_too_long;
  }
  return problem_codes::csv_text_after_quote;
}

}  // namespace

Problem csv_problem(const CsvError& error) {
  std::map<std::string, std::string> params;
  if (error.kind == CsvError::Kind::record_too_long) params["max"] = std::to_string(max_csv_record_bytes >> 20);  // in MiB
  return {Severity::error, std::string(code_of(error.kind)), "", error.line, "", std::move(params)};
}


tl::expected<std::vector<CsvRecord>, CsvError> parse_csv(std::string_view text) {
  std::vector<CsvRecord> records;
  auto done = for_each_csv_record(text, [&records](const CsvRecord& record) { records.push_back(record); });
  if (!done) return tl::unexpected(done.error());
  return records;
}

tl::expected<CsvPiece, CsvError> for_each_complete_csv_record(std::string_view text, std::size_t first_line, bool last,
                                                              const std::function<void(const CsvRecord&)>& visit) {
  CsvRecord record{first_line, {}};
  std::string field;
  std::size_t line = first_line;
  std::size_t i = 0;
  bool record_has_content = false;
  // Where the record being read began: a piece that ends inside it is given back from there.
  std::size_t record_start = 0;
  std::size_t record_start_line = first_line;

  std::size_t field_count = 0;  // fields in use: the vector and its strings are reused between records
  auto end_field = [&] {
    if (field_count == record.fields.size()) record.fields.emplace_back();
    record.fields[field_count++].swap(field);
    field.clear();
  };
  auto end_record = [&] {
    end_field();
    record.fields.resize(field_count);
    // A blank line is not a record.
    if (record_has_content || field_count > 1) visit(record);
    field_count = 0;
    record.line = line;
    record_has_content = false;
    record_start = i;
    record_start_line = line;
  };
  const auto unfinished = [&] { return CsvPiece{record_start, record_start_line}; };
  // Runs of text are searched no further than the limit of the record they belong to.
  const auto record_limit = [&] { return std::min(text.size(), record_start + max_csv_record_bytes + 1); };
  const auto too_long = [&] { return i - record_start > max_csv_record_bytes; };
  const auto refuse_too_long = [&] {
    return tl::unexpected(
        CsvError{record_start_line, "a record is longer than the limit", CsvError::Kind::record_too_long});
  };

  while (i < text.size()) {
    if (too_long()) return refuse_too_long();
    const char c = text[i];
    if (c == '"' && field.empty()) {
      const std::size_t opened_on = line;
      ++i;
      for (;;) {
        if (i >= text.size()) {
          if (!last) return unfinished();  // the closing quote is in the next piece
          return tl::unexpected(CsvError{opened_on, "a quoted field is never closed", CsvError::Kind::unterminated_quote});
        }
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field.push_back('"');
            i += 2;
            continue;
          }
          if (i + 1 == text.size() && !last) return unfinished();  // "" may continue in the next piece
          ++i;
          break;
        }
        // The run up to the next quote in one append.
        const auto quote = std::min(text.substr(0, record_limit()).find('"', i), record_limit());
        line += static_cast<std::size_t>(std::count(text.begin() + static_cast<std::ptrdiff_t>(i),
                                                    text.begin() + static_cast<std::ptrdiff_t>(quote), '\n'));
        field.append(text, i, quote - i);
        i = quote;
        if (too_long()) return refuse_too_long();
      }
      record_has_content = true;
      if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
        return tl::unexpected(CsvError{line, "text follows a closing quote", CsvError::Kind::text_after_quote});
      continue;
    }
    if (c == ',') {
      end_field();
      record_has_content = true;
      ++i;
    } else if (c == '\r' || c == '\n') {
      // A "\r" at the end of a piece may be the first half of "\r\n".
      if (c == '\r' && i + 1 == text.size() && !last) return unfinished();
      i += (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
      ++line;
      end_record();
    } else {
      // An unquoted run up to the next separator in one append; a quote inside it is text.
      const auto separator = std::min(text.substr(0, record_limit()).find_first_of(",\r\n", i), record_limit());
      field.append(text, i, separator - i);
      record_has_content = true;
      i = separator;
    }
  }
  if (!last) return unfinished();
  if (record_has_content || !field.empty()) end_record();
  return CsvPiece{text.size(), line};
}

tl::expected<void, CsvError> for_each_csv_record(std::string_view text,
                                                 const std::function<void(const CsvRecord&)>& visit) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  const auto read = for_each_complete_csv_record(text, 1, true, visit);
  if (!read) return tl::unexpected(read.error());
  return {};
}

tl::expected<CsvTable, CsvError> CsvTable::parse(std::string_view text) {
  auto records = parse_csv(text);
  if (!records) return tl::unexpected(records.error());
  CsvTable table;
  if (records->empty()) return table;
  table.header_ = std::move(records->front().fields);
  table.rows_.assign(std::make_move_iterator(records->begin() + 1), std::make_move_iterator(records->end()));
  return table;
}

bool CsvTable::has_column(std::string_view name) const {
  return std::find(header_.begin(), header_.end(), name) != header_.end();
}

std::string_view CsvTable::field(const CsvRecord& row, std::string_view column) const {
  const auto at = std::find(header_.begin(), header_.end(), column);
  if (at == header_.end()) return {};
  const auto index = static_cast<std::size_t>(at - header_.begin());
  return index < row.fields.size() ? std::string_view(row.fields[index]) : std::string_view{};
}

}  // namespace att::io
