#include "reporting/streamed_import.hpp"

#include <algorithm>
#include <cstdint>
#include <istream>
#include <utility>
#include <vector>

#include "store/batched_insert.hpp"

namespace att::reporting {

namespace {

using reports::ReportLine;

struct PendingLine {
  std::int64_t version_id;
  std::int64_t line_no;
  ReportLine line;
};

struct OpenReport {
  SubmissionReceipt receipt;
  std::vector<std::uint32_t> source_rows;  // row in the file of each line, in line order
};

class StreamedImport {
 public:
  StreamedImport(store::Database& db, const StatesRegister& states_register, const reports::TemplateLibrary& templates,
                 const StreamedImportOptions& options)
      : db_(db), register_(states_register), templates_(templates), options_(options) {
    pending_.reserve(std::max<std::size_t>(options_.lines_per_batch, 1));
  }

  StreamedImportResult run(std::istream& in) {
    auto reading = options_.reading;
    reading.on_line = [this](std::size_t report, const reports::AnnualReport& header, ReportLine&& line) {
      take(report, header, std::move(line));
    };
    result_.batch = read_canonical_csv(in, register_, templates_, reading);
    flush();
    // A file that could not be read to its end comes back without reports: nothing to check.
    const auto& headers = result_.batch.reports;
    for (std::size_t i = 0; i < headers.size() && i < open_.size(); ++i) {
      check(headers[i], open_[i]);
      if (options_.on_report) options_.on_report(i + 1, headers.size());
    }
    return std::move(result_);
  }

 private:
  void take(std::size_t report, const reports::AnnualReport& header, ReportLine&& line) {
    while (open_.size() <= report) {
      auto first = header;  // a new report is always the last one so far
      if (const auto* report_template = templates_.for_year("annual", first.year)) first.template_id = report_template->id;
      OpenReport opened;
      opened.receipt = open_version(db_, {std::move(first), options_.channel, options_.received, options_.demo,
                                          std::nullopt},
                                    options_.now);
      (opened.receipt.amended ? result_.amended : result_.created) += 1;
      open_.push_back(std::move(opened));
    }
    auto& opened = open_[report];
    opened.source_rows.push_back(static_cast<std::uint32_t>(line.source_row));
    pending_.push_back({opened.receipt.version_id, static_cast<std::int64_t>(opened.source_rows.size()), std::move(line)});
    ++result_.lines;
    if (pending_.size() >= options_.lines_per_batch) flush();
  }

  void flush() {
    std::sort(pending_.begin(), pending_.end(), [](const PendingLine& a, const PendingLine& b) {
      return a.version_id != b.version_id ? a.version_id < b.version_id : a.line_no < b.line_no;
    });
    static const std::string head =
        "INSERT INTO report_lines (version_id, line_no, direction, category, partner_state, items, value, currency,"
        " basis, description, comments, state_of_origin, intermediate_location) VALUES ";
    store::insert_rows(db_, head, 13, pending_.size(), [&](std::size_t row, store::Params& params) {
      auto& pending = pending_[row];
      auto& line = pending.line;
      params.emplace_back(pending.version_id);
      params.emplace_back(pending.line_no);
      params.emplace_back(std::string(to_string(line.direction)));
      params.emplace_back(std::move(line.category));
      params.emplace_back(std::move(line.partner_state));
      params.emplace_back(line.items ? store::Value(*line.items) : store::Value(nullptr));
      params.emplace_back(line.value.empty() ? store::Value(nullptr) : store::Value(std::move(line.value)));
      params.emplace_back(std::move(line.currency));
      params.emplace_back(line.basis ? std::string(to_string(*line.basis)) : std::string());
      params.emplace_back(std::move(line.description));
      params.emplace_back(std::move(line.comments));
      params.emplace_back(std::move(line.state_of_origin));
      params.emplace_back(std::move(line.intermediate_location));
    });
    pending_.clear();
  }

  // One report as a whole: its lines back from the database in order, checked, hashed.
  void check(const reports::AnnualReport& header, OpenReport& opened) {
    auto report = header;
    report.lines = read_lines(db_, database_owner(), opened.receipt.version_id);
    for (std::size_t i = 0; i < report.lines.size() && i < opened.source_rows.size(); ++i)
      report.lines[i].source_row = opened.source_rows[i];
    check_report(report, register_, templates_, options_.reading, result_.batch);
    if (!result_.batch.has_errors()) close_version(db_, opened.receipt, report);
    opened.source_rows = {};
  }

  store::Database& db_;
  const StatesRegister& register_;
  const reports::TemplateLibrary& templates_;
  const StreamedImportOptions& options_;
  StreamedImportResult result_;
  std::vector<OpenReport> open_;
  std::vector<PendingLine> pending_;
};

}  // namespace

StreamedImportResult import_canonical_csv(store::Database& db, std::istream& in, const StatesRegister& states_register,
                                          const reports::TemplateLibrary& templates,
                                          const StreamedImportOptions& options) {
  return StreamedImport(db, states_register, templates, options).run(in);
}

}  // namespace att::reporting
