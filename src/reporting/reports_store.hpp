// Reports as stored: each submission an immutable version; the current version is derived
// (the newest submitted one that was not recalled), never stored twice. Every read is made on
// behalf of a Viewer and returns only what the policy lets that viewer see.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "auth/viewer.hpp"
#include "core/date.hpp"
#include "core/problem.hpp"
#include "core/timestamp.hpp"
#include "core/reports/annual_report.hpp"
#include "core/reports/version_lifecycle.hpp"
#include "store/database.hpp"

namespace att::reporting {

enum class Channel { online, email, import };
std::string_view to_string(Channel channel);
std::optional<Channel> channel_from_string(std::string_view text);

struct Submission {
  reports::AnnualReport report;
  Channel channel = Channel::import;
  std::optional<Date> received;  // default: the day of the submission
  bool demo = false;
  std::optional<std::int64_t> submitted_by;
};

struct SubmissionReceipt {
  std::int64_t version_id = 0;
  std::int64_t version_no = 0;
  bool amended = false;  // an earlier version existed
  std::string content_hash;
};

// A submission that cannot be stored (an amendment received before the version it replaces).
// Thrown so that the caller's transaction, and with it a whole import, is rolled back.
class SubmissionRefused : public std::runtime_error {
 public:
  explicit SubmissionRefused(Problem problem) : std::runtime_error(problem.code), problem_(std::move(problem)) {}
  [[nodiscard]] const Problem& problem() const { return problem_; }

 private:
  Problem problem_;
};

// Inside the caller's transaction. Throws SubmissionRefused.
SubmissionReceipt submit(store::Database& db, const Submission& submission, Timestamp now);

struct VersionSummary {
  std::int64_t version_id = 0;
  std::string reporting_state;
  int year = 0;
  std::string type = "annual";
  std::int64_t version_no = 0;
  reports::VersionStatus status = reports::VersionStatus::draft;
  reports::Visibility visibility = reports::Visibility::restricted;  // report-wide
  std::optional<reports::Visibility> exports_visibility;            // none: as the report
  std::optional<reports::Visibility> imports_visibility;
  Channel channel = Channel::online;
  std::optional<Date> received;  // none for a draft
  std::int64_t line_count = 0;
  bool demo = false;
  std::string content_hash;
  std::optional<Timestamp> submitted_at;  // none for a draft
  std::optional<Timestamp> recalled_at;   // none unless recalled
  std::string recall_reason;
  [[nodiscard]] std::string received_iso() const { return received ? received->iso() : std::string(); }
};

struct ReportFilter {
  std::optional<std::string> state;
  std::optional<int> year;
  std::vector<std::string> states = {};  // any of these ISO3 codes, when not empty (a search by name)
};

// Current versions the viewer may see, by State and year.
std::vector<VersionSummary> current_reports(store::Database& db, const auth::Viewer& viewer, const ReportFilter& filter);
// The whole current report of a State and year, if the viewer may see it.
std::optional<std::pair<VersionSummary, reports::AnnualReport>> current_report(store::Database& db,
                                                                               const auth::Viewer& viewer,
                                                                               const std::string& state, int year);
// Every submitted or recalled version of a report that the viewer may see, oldest first. The
// newest submitted one is current; earlier submitted ones have the status "superseded".
std::vector<VersionSummary> report_versions(store::Database& db, const auth::Viewer& viewer, const std::string& state,
                                            int year);
// One version by its number, or the current one when no number is given.
std::optional<std::pair<VersionSummary, reports::AnnualReport>> report_version(
    store::Database& db, const auth::Viewer& viewer, const std::string& state, int year,
    std::optional<std::int64_t> version_no);
// Drafts: one per report at most; saving replaces its content. Inside the caller's transaction.
std::int64_t save_draft(store::Database& db, const reports::AnnualReport& report, std::optional<std::int64_t> author,
                        Timestamp now);
std::optional<reports::AnnualReport> load_draft(store::Database& db, const auth::Viewer& viewer,
                                                const std::string& state, int year);
// Annual-report drafts that the viewer may see, of one State (newest year first) or of every
// State (last saved first): when each was last saved and how many lines it has (the reporting
// tool's home, its "last saved" line, the Secretariat's drafts pending).
struct DraftSummary {
  std::string reporting_state;
  int year = 0;
  std::optional<Timestamp> saved_at;
  std::int64_t line_count = 0;
};
std::vector<DraftSummary> drafts_of(store::Database& db, const auth::Viewer& viewer,
                                    const std::optional<std::string>& state);
// Turns the draft into the next submitted version; nullopt when there is no draft.
std::optional<SubmissionReceipt> submit_draft(store::Database& db, const std::string& state, int year, Channel channel,
                                              std::optional<Date> received, std::optional<std::int64_t> by,
                                              Timestamp now);
// The Secretariat withdraws the current version; the one before it (if any) becomes current.
// Returns the recalled version number, or nullopt when nothing is submitted.
std::optional<std::int64_t> recall_current(store::Database& db, const std::string& state, int year,
                                           const std::string& reason, Timestamp now);

// A viewer that sees everything (the CLI, run by whoever holds the database).
auth::Viewer database_owner();

// A hash of the content that a receipt can quote: the same report always gives the same hash.
std::string content_hash(const reports::AnnualReport& report);

// A submitted version written in steps, for an import whose lines arrive in any order (see
// streamed_import.hpp), inside the caller's transaction: open_version writes the version of
// `submission.report` (its lines are not written, the hash is left empty), the caller inserts
// the lines (version_id, line_no from 1), then close_version writes the hash and the line count
// of the whole report (whose lines the caller kept, or read back with read_lines). The result is
// the same rows and the same hash as submit() gives for the whole report.
SubmissionReceipt open_version(store::Database& db, const Submission& submission, Timestamp now);
// What close_version writes of a whole report: computed when its lines are at hand, written later.
struct VersionContent {
  std::string template_id;
  std::string content_hash;
  std::size_t line_count = 0;
};
VersionContent version_content(const reports::AnnualReport& report);
void close_version(store::Database& db, SubmissionReceipt& receipt, const VersionContent& content);
void close_version(store::Database& db, SubmissionReceipt& receipt, const reports::AnnualReport& report);
// A version's lines that the viewer may read, in order (source_row is not stored: it comes back 0).
std::vector<reports::ReportLine> read_lines(store::Database& db, const auth::Viewer& viewer, std::int64_t version_id);

}  // namespace att::reporting
