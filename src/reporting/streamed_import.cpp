#include "reporting/streamed_import.hpp"

#include <algorithm>
#include <cstdint>
#include <istream>
#include <optional>
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

// A report checked from memory when its run of lines in the file ended: its findings and what
// close_version writes. Kept until the end of the file, unless another line of it turns up.
struct CheckedReport {
  ImportBatch findings;
  VersionContent content;
  bool listed_whole = true;  // false: only the first findings are kept (the listing's limit)
};

struct OpenReport {
  SubmissionReceipt receipt;
  std::vector<std::uint32_t> source_rows;  // row in the file of each line, in line order
  std::optional<CheckedReport> checked;
  bool scattered = false;  // its lines are not all together: it is read back and checked at the end
};

constexpr std::size_t no_report = static_cast<std::size_t>(-1);

class StreamedImport {
 public:
  StreamedImport(store::Database& db, const StatesRegister& states_register, const reports::TemplateLibrary& templates,
                 const StreamedImportOptions& options)
      : db_(db), register_(states_register), templates_(templates), options_(options), checking_(options.reading) {
    pending_.reserve(std::max<std::size_t>(options_.lines_per_batch, 1));
  }

  StreamedImportResult run(std::istream& in) {
    auto reading = options_.reading;
    reading.on_line = [this](std::size_t report, const reports::AnnualReport& header, ReportLine&& line) {
      take(report, header, std::move(line));
    };
    result_.batch = read_canonical_csv(in, register_, templates_, reading);
    settle_held();
    flush();
    // A file that could not be read to its end comes back without reports: nothing to check.
    const auto& headers = result_.batch.reports;
    for (std::size_t i = 0; i < headers.size() && i < open_.size(); ++i) {
      finish(headers[i], open_[i]);
      if (options_.on_report) options_.on_report(i + 1, headers.size());
    }
    return std::move(result_);
  }

 private:
  // The lines of a report usually come together. Those of the report being read are held in
  // memory, and when its run ends the report is checked and hashed from them, so that its lines
  // need not be read back. A report whose lines turn up again later is read back at the end.
  void take(std::size_t report, const reports::AnnualReport& header, ReportLine&& line) {
    while (open_.size() <= report) open_.push_back(open(header));
    if (report != held_report_) settle_held();
    auto& opened = open_[report];
    if (opened.checked) scatter(opened);
    if (opened.scattered) {
      queue(opened, std::move(line));
      return;
    }
    if (report != held_report_) {
      held_report_ = report;
      held_header_ = header;
    }
    held_.push_back(std::move(line));
    if (held_.size() > options_.lines_held) {  // one very long report: stream it like a scattered one
      opened.scattered = true;
      for (auto& kept : held_) queue(opened, std::move(kept));
      held_.clear();
    }
  }

  OpenReport open(const reports::AnnualReport& header) {
    auto first = header;  // a new report is always the last one so far
    if (const auto* report_template = templates_.for_year("annual", first.year)) first.template_id = report_template->id;
    OpenReport opened;
    opened.receipt = open_version(db_, {std::move(first), options_.channel, options_.received, options_.demo,
                                        std::nullopt},
                                  options_.now);
    (opened.receipt.amended ? result_.amended : result_.created) += 1;
    return opened;
  }

  void scatter(OpenReport& opened) {
    listed_ -= opened.checked->findings.problems.size();
    opened.checked.reset();
    opened.scattered = true;
  }

  // The held report's run has ended: check it as a whole now, then queue its lines.
  void settle_held() {
    if (held_report_ == no_report) return;
    auto& opened = open_[held_report_];
    held_report_ = no_report;
    if (opened.scattered || held_.empty()) return;
    auto report = std::move(held_header_);
    report.lines = std::move(held_);
    opened.checked = check_held(report);
    for (auto& line : report.lines) queue(opened, std::move(line));
    held_ = std::move(report.lines);
    held_.clear();
  }

  // The findings kept for reports checked early are bounded by the listing's own limit: a report
  // whose findings did not all fit is checked again at the end if the listing still has room.
  CheckedReport check_held(reports::AnnualReport& report) {
    CheckedReport checked;
    const auto room = options_.reading.max_problems - std::min(listed_, options_.reading.max_problems);
    checking_.max_problems = room + 1;
    check_report(report, register_, templates_, checking_, checked.findings);
    if (checked.findings.problems.size() > room) {
      checked.findings.problems.resize(room);
      checked.listed_whole = false;
    }
    listed_ += checked.findings.problems.size();
    checked.content = version_content(report);
    return checked;
  }

  void queue(OpenReport& opened, ReportLine&& line) {
    opened.source_rows.push_back(static_cast<std::uint32_t>(line.source_row));
    pending_.push_back({opened.receipt.version_id, static_cast<std::int64_t>(opened.source_rows.size()), std::move(line)});
    ++result_.lines;
    if (pending_.size() >= options_.lines_per_batch) flush();
  }

  void flush() {
    // Sorted by key through their positions: moving the lines themselves costs more than sorting.
    order_.resize(pending_.size());
    for (std::size_t i = 0; i < order_.size(); ++i) order_[i] = static_cast<std::uint32_t>(i);
    std::sort(order_.begin(), order_.end(), [this](std::uint32_t a, std::uint32_t b) {
      const auto& x = pending_[a];
      const auto& y = pending_[b];
      return x.version_id != y.version_id ? x.version_id < y.version_id : x.line_no < y.line_no;
    });
    static const std::string head =
        "INSERT INTO report_lines (version_id, line_no, direction, category, partner_state, items, value, currency,"
        " basis, description, comments, state_of_origin, intermediate_location) VALUES ";
    store::insert_rows(db_, head, 13, pending_.size(), [&](std::size_t row, store::Params& params) {
      auto& pending = pending_[order_[row]];
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

  // One report as a whole, in the order of the reports: its findings are listed after those of
  // the reports before it, whether it was checked early or is checked now.
  void finish(const reports::AnnualReport& header, OpenReport& opened) {
    auto& batch = result_.batch;
    const bool listing_full = batch.problems.size() >= options_.reading.max_problems;
    if (opened.checked && (opened.checked->listed_whole || listing_full)) {
      add_findings(opened.checked->findings);
      if (!batch.has_errors()) close_version(db_, opened.receipt, opened.checked->content);
      return;
    }
    auto report = header;
    report.lines = read_lines(db_, database_owner(), opened.receipt.version_id);
    for (std::size_t i = 0; i < report.lines.size() && i < opened.source_rows.size(); ++i)
      report.lines[i].source_row = opened.source_rows[i];
    check_report(report, register_, templates_, options_.reading, batch);
    if (!batch.has_errors()) close_version(db_, opened.receipt, report);
    opened.source_rows = {};
  }

  void add_findings(ImportBatch& findings) {
    std::size_t listed_errors = 0;
    for (auto& problem : findings.problems) {
      if (problem.severity == Severity::error) ++listed_errors;
      record(result_.batch, std::move(problem), options_.reading.max_problems);
    }
    result_.batch.error_count += findings.error_count - listed_errors;  // those past the limit
  }

  store::Database& db_;
  const StatesRegister& register_;
  const reports::TemplateLibrary& templates_;
  const StreamedImportOptions& options_;
  ImportOptions checking_;  // the reading options, with the room left in the listing
  StreamedImportResult result_;
  std::vector<OpenReport> open_;
  std::vector<PendingLine> pending_;
  std::vector<std::uint32_t> order_;  // pending_'s positions in key order
  std::size_t held_report_ = no_report;
  reports::AnnualReport held_header_;
  std::vector<ReportLine> held_;
  std::size_t listed_ = 0;  // findings kept in the reports checked early
};

}  // namespace

StreamedImportResult import_canonical_csv(store::Database& db, std::istream& in, const StatesRegister& states_register,
                                          const reports::TemplateLibrary& templates,
                                          const StreamedImportOptions& options) {
  return StreamedImport(db, states_register, templates, options).run(in);
}

}  // namespace att::reporting
