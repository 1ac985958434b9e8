#include "reporting/csv_import.hpp"
#include "reporting/state_codes.hpp"

#include <algorithm>
#include <charconv>
#include <istream>
#include <optional>
#include <map>

#include "core/ascii_text.hpp"
#include "core/utf8.hpp"
#include "io/csv_reader.hpp"
#include "io/csv_writer.hpp"

namespace att::reporting {

namespace {

namespace codes = problem_codes;

std::size_t line_of_offset(std::string_view text, std::size_t offset) {
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

class Importer {
 public:
  Importer(const StatesRegister& states_register, const reports::TemplateLibrary& templates,
           const ImportOptions& options)
      : register_(states_register), templates_(templates), options_(options) {}

  ImportBatch run(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    read_piece(text, 1, true);
    return finish();
  }

  // The file read in pieces of `piece_bytes`: only one piece and the reports are ever in memory.
  ImportBatch run(std::istream& in, std::size_t piece_bytes) {
    std::string buffer;
    std::size_t line = 1;
    bool first = true;
    for (;;) {
      const auto kept = buffer.size();
      buffer.resize(kept + piece_bytes);
      in.read(buffer.data() + kept, static_cast<std::streamsize>(piece_bytes));
      buffer.resize(kept + static_cast<std::size_t>(in.gcount()));
      const bool last = !in;
      std::string_view text(buffer);
      if (first && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
      if (first && !last && text.size() < 3) continue;  // too little to see a BOM yet
      first = false;
      const auto piece = read_piece(text, line, last);
      if (!piece || last) break;
      line = piece->line;
      buffer.erase(0, static_cast<std::size_t>(text.data() - buffer.data()) + piece->consumed);
    }
    return finish();
  }

 private:
  void problem(std::size_t row, std::string column, std::string_view code, std::map<std::string, std::string> params = {}) {
    add({Severity::error, std::string(code), "", row, std::move(column), std::move(params)});
  }
  void add(Problem found) {
    if (found.severity == Severity::error) ++errors_;
    record(batch_, std::move(found), options_.max_problems);
  }

  void take(const io::CsvRecord& record) {
    if (!header_seen_) {
      read_header(record);
      return;
    }
    if (errors_ > 0 && columns_.empty()) return;  // a bad header: lines cannot be read
    ++batch_.rows;
    if (options_.on_progress && batch_.rows % options_.progress_every == 0) options_.on_progress(batch_.rows);
    if (record.fields.size() != columns_.size()) {
      problem(record.line, "", codes::field_count,
              {{"found", std::to_string(record.fields.size())}, {"expected", std::to_string(columns_.size())}});
      return;
    }
    if (holds_control_characters(record)) return;
    read_line(record);
  }

  // A control character (NUL above all) refuses its line before anything of it is kept: the
  // streamed import writes lines to the database as they come, and PostgreSQL cannot store a NUL.
  bool holds_control_characters(const io::CsvRecord& record) {
    bool found = false;
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
      const auto& text = record.fields[i];
      const auto at = first_control_character(text);
      if (at == std::string_view::npos) continue;
      problem(record.line, header_[i], codes::control_character,
              {{"field", header_[i]}, {"character", control_character_name(text[at])}});
      found = true;
    }
    return found;
  }

  void read_header(const io::CsvRecord& record) {
    header_seen_ = true;
    const auto& expected = reports::canonical_csv_columns();
    std::vector<std::string> found;
    for (const auto& field : record.fields) found.push_back(trim_blanks(field));
    header_ = found;
    for (const auto& name : expected) {
      if (std::find(found.begin(), found.end(), name) == found.end())
        problem(1, name, codes::missing_column, {{"value", name}});
    }
    for (const auto& name : found) {
      if (std::find(expected.begin(), expected.end(), name) == expected.end())
        problem(1, name, codes::unknown_column, {{"value", name}});
    }
    if (errors_ == 0) {
      for (const auto& name : expected)
        columns_.push_back(static_cast<std::size_t>(std::find(found.begin(), found.end(), name) - found.begin()));
    }
  }

  std::string state_code(const std::string& text) { return state_codes_.code_of(text); }

  void read_line(const io::CsvRecord& record) {
    // CSV downloaded from the site for people has an apostrophe before a field that starts like
    // a formula: removed, it gives the same report (and the same content hash) again.
    const auto raw = [&](std::size_t column) {
      auto text = record.fields[columns_[column]];
      io::restore_people_csv_field(text);
      return text;
    };
    const auto field = [&](std::size_t column) { return trim_blanks(raw(column)); };
    const auto row = record.line;
    const auto reporting = state_code(field(0));
    if (!register_.find_by_code(reporting)) {
      problem(row, "reporting_state", codes::unknown_reporting_state,
              {{"value", field(0)}, {"suggestions", reports::suggested_states(register_, field(0))}});
      return;
    }
    const auto year = reports::year_from_text(field(1));
    if (!year) {
      problem(row, "year", codes::invalid_year, {{"value", field(1)}});
      return;
    }
    reports::ReportLine line;
    line.source_row = row;
    // Problems in a line's own fields are listed and the line still goes on to validation,
    // so that one pass reports everything wrong with it.
    const auto direction = reports::direction_from_string(field(2));
    if (!direction) problem(row, "direction", codes::invalid_direction, {{"value", field(2)}});
    line.direction = direction.value_or(reports::Direction::exports);
    line.category = field(3);
    line.partner_state = state_code(field(4));
    if (const auto items = field(5); !items.empty()) {
      std::int64_t value = 0;
      const auto [end, error] = std::from_chars(items.data(), items.data() + items.size(), value);
      if (error != std::errc{} || end != items.data() + items.size())
        problem(row, "items", codes::invalid_items, {{"value", items}});
      else
        line.items = value;
    }
    line.value = field(6);
    line.currency = field(7);
    std::transform(line.currency.begin(), line.currency.end(), line.currency.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    if (const auto basis = field(8); !basis.empty()) {
      line.basis = reports::basis_from_string(basis);
      if (!line.basis) problem(row, "basis", codes::invalid_basis, {{"value", basis}});
    }
    line.description = raw(9);
    line.comments = raw(10);
    line.state_of_origin = state_code(field(11));
    line.intermediate_location = field(12);

    const auto key = reporting + "/" + std::to_string(*year);
    auto [at, inserted] = index_.emplace(key, batch_.reports.size());
    if (inserted) {
      reports::AnnualReport report;
      report.reporting_state = reporting;
      report.year = *year;
      report.visibility = options_.visibility;
      report.exports_visibility = options_.exports_visibility;
      report.imports_visibility = options_.imports_visibility;
      batch_.reports.push_back(std::move(report));
    }
    if (options_.on_line) {
      options_.on_line(at->second, batch_.reports[at->second], std::move(line));
      return;
    }
    batch_.reports[at->second].lines.push_back(std::move(line));
  }

  // One piece of the file, starting at a record boundary on `line`. Its text is checked for
  // UTF-8 up to its last line break (a character may be cut at its end, a line break never is;
  // records are read only up to a line break)
  // before any record in it is read. Nothing when reading must stop.
  std::optional<io::CsvPiece> read_piece(std::string_view text, std::size_t line, bool last) {
    if (stopped_) return std::nullopt;
    const auto checked = last ? text : text.substr(0, text.find_last_of("\r\n") + 1);
    if (const auto bad = first_non_utf8(checked); bad != std::string_view::npos) {
      problem(line - 1 + line_of_offset(checked, bad), "", codes::file_not_utf8);
      stopped_ = true;
      return std::nullopt;
    }
    auto piece = io::for_each_complete_csv_record(text, line, last, [this](const io::CsvRecord& r) { take(r); });
    if (!piece) {
      add(io::csv_problem(piece.error()));
      stopped_ = true;
      return std::nullopt;
    }
    return *piece;
  }

  ImportBatch finish() {
    if (stopped_) {
      // A file that cannot be read to its end yields its problems and no reports, however much
      // of it was read before the reading stopped.
      batch_.reports.clear();
      batch_.rows = 0;
      return std::move(batch_);
    }
    if (!header_seen_) problem(1, "", codes::file_empty);
    validate_reports();
    return std::move(batch_);
  }

  void validate_reports() {
    if (options_.on_line) return;  // the caller checks each report once it has its lines
    for (auto& report : batch_.reports) check_report(report, register_, templates_, options_, batch_);
    errors_ = batch_.error_count;
  }

  const StatesRegister& register_;
  const reports::TemplateLibrary& templates_;
  const ImportOptions& options_;
  ImportBatch batch_;
  bool header_seen_ = false;
  bool stopped_ = false;  // the file cannot be read on: what it holds so far is not checked
  std::size_t errors_ = 0;
  std::vector<std::string> header_;   // the file's column names, in its order
  std::vector<std::size_t> columns_;  // canonical column -> position in the file
  std::map<std::string, std::size_t> index_;
  StateCodes state_codes_{register_};
};

}  // namespace

void record(ImportBatch& batch, Problem found, std::size_t max_problems) {
  if (found.severity == Severity::error) ++batch.error_count;
  if (batch.problems.size() < max_problems) batch.problems.push_back(std::move(found));
}

void check_report(reports::AnnualReport& report, const StatesRegister& states_register,
                  const reports::TemplateLibrary& templates, const ImportOptions& options, ImportBatch& batch) {
  // A finding about the whole report (its year, its header) points at the report's first row.
  const std::size_t first_row = report.lines.empty() ? 0 : report.lines.front().source_row;
  const auto* report_template = templates.for_year("annual", report.year);
  if (!report_template) {
    record(batch,
           {Severity::error, std::string(codes::no_template), "", first_row, "year",
            {{"year", std::to_string(report.year)}}},
           options.max_problems);
    return;
  }
  report.template_id = report_template->id;
  for (auto& finding : reports::validate(report, *report_template, states_register, {options.as_of}).findings) {
    if (finding.line == 0) finding.line = first_row;
    finding.params.emplace("reporting_state", report.reporting_state);
    finding.params.emplace("report_year", std::to_string(report.year));
    record(batch, std::move(finding), options.max_problems);
  }
}

ImportBatch read_canonical_csv(std::string_view text, const StatesRegister& states_register,
                               const reports::TemplateLibrary& templates, const ImportOptions& options) {
  return Importer(states_register, templates, options).run(text);
}

ImportBatch read_canonical_csv(std::istream& in, const StatesRegister& states_register,
                               const reports::TemplateLibrary& templates, const ImportOptions& options,
                               std::size_t piece_bytes) {
  return Importer(states_register, templates, options).run(in, std::max<std::size_t>(piece_bytes, 1));
}

}  // namespace att::reporting
