// Original documents attached to submitted report versions (the report received by e-mail, a
// signed cover letter). An attachment is visible exactly when its version is: every read goes
// through report_versions(), which applies auth::may_read_report. Listing never reads the files.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "auth/viewer.hpp"
#include "reporting/reports_store.hpp"
#include "store/database.hpp"
#include "core/timestamp.hpp"

namespace att::reporting {

struct AttachmentSummary {
  std::int64_t id = 0;
  std::int64_t version_no = 0;
  std::string file_name;
  std::string media_type;
  std::int64_t byte_size = 0;
  std::string sha256;  // lower-case hex, so a receipt can quote exactly what was received
  std::optional<std::int64_t> uploaded_by;
  std::string uploaded_at;
  std::string note;
};

struct NewAttachment {
  std::string file_name;  // as reports::check_attachment accepted and cleaned it
  std::string media_type;
  std::string content;
  std::string note;
  std::optional<std::int64_t> uploaded_by;
};

struct AttachmentFile {
  AttachmentSummary summary;
  VersionSummary version;
  std::string content;
};

// A version of a State's annual report: number `version_no`, or the current one. nullopt when
// there is none or the viewer may not see it.
std::optional<VersionSummary> find_version(store::Database& db, const auth::Viewer& viewer, const std::string& state,
                                           int year, std::optional<std::int64_t> version_no);

// Attaches to a submitted version (current or superseded; not a draft, not a recalled one) that
// the viewer may see; nullopt when there is no such version. The caller checks the right to
// submit the State's reports. Inside the caller's transaction.
std::optional<AttachmentSummary> add_attachment(store::Database& db, const auth::Viewer& viewer,
                                                const std::string& state, int year,
                                                std::optional<std::int64_t> version_no, const NewAttachment& attachment,
                                                Timestamp now);

// The version and its attachments, oldest first; nullopt when the viewer may not see the version.
std::optional<std::pair<VersionSummary, std::vector<AttachmentSummary>>> list_attachments(
    store::Database& db, const auth::Viewer& viewer, const std::string& state, int year,
    std::optional<std::int64_t> version_no);

// One attachment of the State's report for that year, with its content; nullopt when there is
// none or the viewer may not see its version (the two look the same to the caller).
std::optional<AttachmentFile> read_attachment(store::Database& db, const auth::Viewer& viewer, const std::string& state,
                                              int year, std::int64_t attachment_id);

}  // namespace att::reporting
