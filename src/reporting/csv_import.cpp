#include "reporting/csv_import.hpp"
#include "reporting/state_codes.hpp"

#include <algorithm>
#include <charconv>
#include <map>

#include "io/csv_reader.hpp"

namespace att::reporting {

namespace {

using reports::Severity;

// The first byte that is not valid UTF-8, or npos: a file saved as Latin-1 is refused whole.
std::size_t invalid_utf8_at(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > text.size()) return i;
    for (std::size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return i;
    }
    i += length;
  }
  return std::string_view::npos;
}

std::size_t line_of_offset(std::string_view text, std::size_t offset) {
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

std::string trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return std::string(text);
}

class Importer {
 public:
  Importer(const StatesRegister& states_register, const reports::TemplateLibrary& templates,
           const ImportOptions& options)
      : register_(states_register), templates_(templates), options_(options) {}

  ImportBatch run(std::string_view text) {
    if (const auto bad = invalid_utf8_at(text); bad != std::string_view::npos) {
      problem(line_of_offset(text, bad), "", "the file is not UTF-8 text (save it as CSV UTF-8)");
      return std::move(batch_);
    }
    const auto parsed = io::for_each_csv_record(text, [this](const io::CsvRecord& record) { take(record); });
    if (!parsed) {
      problem(parsed.error().line, "", parsed.error().message);
      return std::move(batch_);
    }
    if (!header_seen_) problem(1, "", "the file is empty: it needs a header row and lines");
    finish();
    return std::move(batch_);
  }

 private:
  void problem(std::size_t row, std::string column, std::string message, Severity severity = Severity::error) {
    if (batch_.problems.size() < options_.max_problems)
      batch_.problems.push_back({severity, row, std::move(column), std::move(message)});
    if (severity == Severity::error) ++errors_, ++batch_.error_count;
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
      problem(record.line, "", "this row has " + std::to_string(record.fields.size()) + " fields, the header " +
                                   std::to_string(columns_.size()));
      return;
    }
    read_line(record);
  }

  void read_header(const io::CsvRecord& record) {
    header_seen_ = true;
    const auto& expected = reports::canonical_csv_columns();
    std::vector<std::string> found;
    for (const auto& field : record.fields) found.push_back(trim(field));
    for (const auto& name : expected) {
      if (std::find(found.begin(), found.end(), name) == found.end())
        problem(1, name, "the header lacks the column " + name);
    }
    for (const auto& name : found) {
      if (std::find(expected.begin(), expected.end(), name) == expected.end())
        problem(1, name, "unknown column '" + name + "' (expected: reporting_state,year,direction,...)");
    }
    if (errors_ == 0) {
      for (const auto& name : expected)
        columns_.push_back(static_cast<std::size_t>(std::find(found.begin(), found.end(), name) - found.begin()));
    }
  }

  std::string state_code(const std::string& text) { return state_codes_.code_of(text); }

  void read_line(const io::CsvRecord& record) {
    const auto field = [&](std::size_t column) { return trim(record.fields[columns_[column]]); };
    const auto row = record.line;
    const auto reporting = state_code(field(0));
    if (!register_.find_by_code(reporting)) {
      const auto found = register_.resolve(field(0));
      std::string suggestions;
      if (!found)
        for (const auto* s : found.error().suggestions) suggestions += (suggestions.empty() ? "" : ", ") + s->iso3;
      problem(row, "reporting_state",
              "unknown State '" + field(0) + "'" + (suggestions.empty() ? "" : " (closest: " + suggestions + ")"));
      return;
    }
    int year = 0;
    const auto year_text = field(1);
    if (std::from_chars(year_text.data(), year_text.data() + year_text.size(), year).ec != std::errc{} ||
        year_text.size() != 4 || year < 2014 || year > options_.latest_year) {
      problem(row, "year", "'" + year_text + "' is not a reporting year (2014 to " +
                               std::to_string(options_.latest_year) + ")");
      return;
    }
    reports::ReportLine line;
    line.source_row = row;
    // Problems in a line's own fields are listed and the line still goes on to validation,
    // so that one pass reports everything wrong with it.
    const auto direction = reports::direction_from_string(field(2));
    if (!direction) problem(row, "direction", "direction must be export or import, not '" + field(2) + "'");
    line.direction = direction.value_or(reports::Direction::exports);
    line.category = field(3);
    line.partner_state = state_code(field(4));
    if (const auto items = field(5); !items.empty()) {
      std::int64_t value = 0;
      const auto [end, error] = std::from_chars(items.data(), items.data() + items.size(), value);
      if (error != std::errc{} || end != items.data() + items.size())
        problem(row, "items", "'" + items + "' is not a whole number of items");
      else
        line.items = value;
    }
    line.value = field(6);
    line.currency = field(7);
    std::transform(line.currency.begin(), line.currency.end(), line.currency.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    if (const auto basis = field(8); !basis.empty()) {
      line.basis = reports::basis_from_string(basis);
      if (!line.basis) problem(row, "basis", "basis must be authorized or actual, not '" + basis + "'");
    }
    line.description = record.fields[columns_[9]];
    line.comments = record.fields[columns_[10]];
    line.state_of_origin = state_code(field(11));
    line.intermediate_location = field(12);

    const auto key = reporting + "/" + std::to_string(year);
    auto [at, inserted] = index_.emplace(key, batch_.reports.size());
    if (inserted) {
      reports::AnnualReport report;
      report.reporting_state = reporting;
      report.year = year;
      report.visibility = options_.visibility;
      batch_.reports.push_back(std::move(report));
    }
    batch_.reports[at->second].lines.push_back(std::move(line));
  }

  void finish() {
    for (auto& report : batch_.reports) {
      const auto* report_template = templates_.for_year("annual", report.year);
      if (!report_template) {
        problem(report.lines.front().source_row, "year", "no annual report template covers " + std::to_string(report.year));
        continue;
      }
      report.template_id = report_template->id;
      for (const auto& finding : reports::validate(report, *report_template, register_).findings) {
        auto message = reports::describe_in_english(finding);
        // "error: exports, line 12, column value: ..." -> the part after the location.
        const auto colon = message.find(": ", message.find(": ") + 2);
        problem(finding.line, finding.column,
                report.reporting_state + " " + std::to_string(report.year) + ": " +
                    (colon == std::string::npos ? message : message.substr(colon + 2)),
                finding.severity);
      }
    }
  }

  const StatesRegister& register_;
  const reports::TemplateLibrary& templates_;
  const ImportOptions& options_;
  ImportBatch batch_;
  bool header_seen_ = false;
  std::size_t errors_ = 0;
  std::vector<std::size_t> columns_;  // canonical column -> position in the file
  std::map<std::string, std::size_t> index_;
  StateCodes state_codes_{register_};
};

}  // namespace

ImportBatch read_canonical_csv(std::string_view text, const StatesRegister& states_register,
                               const reports::TemplateLibrary& templates, const ImportOptions& options) {
  return Importer(states_register, templates, options).run(text);
}

}  // namespace att::reporting
