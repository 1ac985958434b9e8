// The one place that decides who may do what. Every feature asks `may`; none decides alone.
#pragma once

#include <optional>
#include <string_view>

#include "auth/read_rule.hpp"
#include "auth/viewer.hpp"

namespace att::auth {

enum class Permission {
  read_public,                 // public pages, public reports, the public database
  manage_own_account,          // password, second factor, sessions, API tokens
  enter_restricted_area,       // announcements, documents: representatives of parties and signatories
  read_restricted_reports,     // reports restricted to States Parties
  read_drafts,                 // unsubmitted reports of one State (needs the State)
  submit_reports,              // draft, submit, amend reports of one State (needs the State)
  read_diversion_exchange,     // the diversion information exchange
  publish_announcements,       // announcements and consultations
  review_registrations,        // approve or reject applications
  manage_users,                // accounts and roles
  read_audit_log,              // browse and export the audit log
  enter_report_on_behalf,      // the Secretariat enters a report received by e-mail
};

inline constexpr Permission all_permissions[] = {
    Permission::read_public,           Permission::manage_own_account,      Permission::enter_restricted_area,
    Permission::read_restricted_reports, Permission::read_drafts,           Permission::submit_reports,
    Permission::read_diversion_exchange, Permission::publish_announcements, Permission::review_registrations,
    Permission::manage_users,          Permission::read_audit_log,          Permission::enter_report_on_behalf};

std::string_view to_string(Permission permission);

// `state_iso3`: the State the data belongs to, for permissions that depend on it.
bool may(const Viewer& viewer, Permission permission, std::optional<std::string_view> state_iso3 = std::nullopt);

// Who may read which version of a report (or which line: its table's visibility as `restricted`),
// as one condition for this viewer. Stores turn it into SQL; `may_read_report` evaluates it.
Condition read_report_condition(const Viewer& viewer);
bool may_read_report(const Viewer& viewer, const ReportFacts& report);

}  // namespace att::auth
