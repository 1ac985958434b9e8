// The one place that decides who may do what. Every feature asks `may`; none decides alone.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
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
  create_api_tokens,           // a signed-in person, not a program holding a token
  read_reminder_letters,       // the reminder letters sent to one State and its replies (needs the State)
  report_problems,             // tell the Secretariat of a problem with the platform: anyone signed in
  answer_problem_reports,      // work through the reported problems: the Secretariat
};

inline constexpr Permission all_permissions[] = {
    Permission::read_public,           Permission::manage_own_account,      Permission::enter_restricted_area,
    Permission::read_restricted_reports, Permission::read_drafts,           Permission::submit_reports,
    Permission::read_diversion_exchange, Permission::publish_announcements, Permission::review_registrations,
    Permission::manage_users,          Permission::read_audit_log,          Permission::enter_report_on_behalf,
    Permission::create_api_tokens,     Permission::read_reminder_letters,   Permission::report_problems,
    Permission::answer_problem_reports};

std::string_view to_string(Permission permission);

// `state_iso3`: the State the data belongs to, for permissions that depend on it.
bool may(const Viewer& viewer, Permission permission, std::optional<std::string_view> state_iso3 = std::nullopt);

// Whether `granter` may give the account `to_user_id` the roles it does not hold yet: those who
// manage users, except the Secretariat role to themselves (separation of duties: whoever
// manages accounts must not open restricted reports to themselves).
bool may_grant_roles(const Viewer& granter, std::int64_t to_user_id, const std::set<Role>& added);
std::set<Role> roles_added(const std::set<Role>& before, const std::set<Role>& after);

// Whether a request made with an API token stays within the token's scope: `read` only reads,
// `reporting` reaches only the report and initial-report API of the holder's State. Asked once
// per request, before any handler (web::App), so no route has to remember it. A request without
// a token (no `token_scope`) is always within scope.
bool within_token_scope(const Viewer& viewer, bool changes_state, std::string_view path);

// Who may read which version of a report (or which line: its table's visibility as `restricted`),
// as one condition for this viewer. Stores turn it into SQL; `may_read_report` evaluates it.
Condition read_report_condition(const Viewer& viewer);
bool may_read_report(const Viewer& viewer, const ReportFacts& report);

}  // namespace att::auth
