// Original documents from the annual report editor, without script: the section listing the
// files attached to the report's current version (with their download links), and the form
// that adds one (multipart/form-data, then back to the editor). The store attaches files to
// submitted versions, so a report with none yet says so; attaching follows the API's rules
// (reports::check_attachment, the same audit entry) and its access (as the editor's).
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "reporting/reports_store.hpp"
#include "store/database.hpp"
#include "web/http/router.hpp"
#include "web/kit/app_context.hpp"

namespace att::web {

// The editor's "attachments" section: the current version's files and the form's address, and
// what the last upload said (?attached= or ?attachment_error= on the editor's address).
nlohmann::json attachments_section(const AppContext& app, store::Database& db, const HttpRequest& request,
                                   Language language, const std::string& state, int year);

// Attaches the multipart body's file part `field` (and its "note") to `version_no` (nullopt:
// the current version), with the audit entry, in its own transaction. The editor's address to
// go back to, carrying what happened. The caller has checked that the viewer works on `state`.
std::string attach_posted_file(const AppContext& app, const HttpRequest& request, const std::string& state, int year,
                               std::optional<std::int64_t> version_no, const std::string& field);

void add_attachment_form(Router& router, const AppContext& app);

}  // namespace att::web
