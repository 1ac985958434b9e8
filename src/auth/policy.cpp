#include "auth/policy.hpp"

#include <vector>

namespace att::auth {

namespace {

bool represents_state_party(const Viewer& viewer) {
  return (viewer.has(Role::state_representative) || viewer.has(Role::reporting_officer)) && viewer.state_is_party;
}

bool represents_party_or_signatory(const Viewer& viewer) {
  return (viewer.has(Role::state_representative) || viewer.has(Role::reporting_officer)) &&
         (viewer.state_is_party || viewer.state_is_signatory);
}

bool speaks_for(const Viewer& viewer, std::optional<std::string_view> state_iso3) {
  return state_iso3 && viewer.state_iso3 && *viewer.state_iso3 == *state_iso3;
}

}  // namespace

std::string_view to_string(Permission permission) {
  switch (permission) {
    case Permission::read_public: return "read_public";
    case Permission::manage_own_account: return "manage_own_account";
    case Permission::enter_restricted_area: return "enter_restricted_area";
    case Permission::read_restricted_reports: return "read_restricted_reports";
    case Permission::read_drafts: return "read_drafts";
    case Permission::submit_reports: return "submit_reports";
    case Permission::read_diversion_exchange: return "read_diversion_exchange";
    case Permission::publish_announcements: return "publish_announcements";
    case Permission::review_registrations: return "review_registrations";
    case Permission::manage_users: return "manage_users";
    case Permission::read_audit_log: return "read_audit_log";
    case Permission::enter_report_on_behalf: return "enter_report_on_behalf";
    case Permission::create_api_tokens: return "create_api_tokens";
    case Permission::read_reminder_letters: return "read_reminder_letters";
    case Permission::report_problems: return "report_problems";
    case Permission::answer_problem_reports: return "answer_problem_reports";
  }
  return "unknown";
}

bool may(const Viewer& viewer, Permission permission, std::optional<std::string_view> state_iso3) {
  const bool secretariat = viewer.has(Role::secretariat);
  switch (permission) {
    case Permission::read_public: return true;
    case Permission::manage_own_account: return !viewer.is_anonymous();
    case Permission::enter_restricted_area:
      return represents_party_or_signatory(viewer) || viewer.has(Role::chair) || secretariat;
    case Permission::read_restricted_reports:
      // Restricted reports go to States Parties only: never to signatories, observers or chairs as such.
      return represents_state_party(viewer) || secretariat;
    case Permission::read_drafts:
    case Permission::submit_reports:
      return (viewer.has(Role::reporting_officer) && speaks_for(viewer, state_iso3)) || secretariat;
    case Permission::read_diversion_exchange: return represents_party_or_signatory(viewer) || secretariat;
    case Permission::publish_announcements: return viewer.has(Role::chair) || secretariat;
    case Permission::review_registrations: return secretariat || viewer.has(Role::administrator);
    case Permission::manage_users: return viewer.has(Role::administrator);
    case Permission::read_audit_log: return secretariat || viewer.has(Role::administrator);
    case Permission::enter_report_on_behalf: return secretariat;
    // A leaked token must not be able to outlive its own revocation by minting others.
    case Permission::create_api_tokens: return !viewer.is_anonymous() && !viewer.token_scope;
    // A reminder is correspondence between the Secretariat and one State: nobody else reads it.
    case Permission::read_reminder_letters:
      return secretariat || ((viewer.has(Role::state_representative) || viewer.has(Role::reporting_officer)) &&
                             speaks_for(viewer, state_iso3));
    case Permission::report_problems: return !viewer.is_anonymous();
    case Permission::answer_problem_reports: return secretariat;
  }
  return false;
}

namespace {

std::vector<std::string_view> segments_of(std::string_view path) {
  std::vector<std::string_view> segments;
  while (!path.empty()) {
    const auto slash = path.find('/');
    if (slash != 0) segments.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

// /api/v1/reports/{state}/... and /api/v1/initial-reports/{state}[/...] for the viewer's State.
bool is_own_states_report_api(const Viewer& viewer, std::string_view path) {
  if (!viewer.state_iso3) return false;
  const auto segments = segments_of(path);
  return segments.size() >= 4 && segments[0] == "api" && segments[1] == "v1" &&
         (segments[2] == "reports" || segments[2] == "initial-reports") && segments[3] == *viewer.state_iso3;
}

}  // namespace

bool may_grant_roles(const Viewer& granter, std::int64_t to_user_id, const std::set<Role>& added) {
  if (!may(granter, Permission::manage_users)) return false;
  return !(added.contains(Role::secretariat) && granter.user_id == to_user_id);
}

std::set<Role> roles_added(const std::set<Role>& before, const std::set<Role>& after) {
  std::set<Role> added;
  for (const auto role : after) {
    if (!before.contains(role)) added.insert(role);
  }
  return added;
}

bool within_token_scope(const Viewer& viewer, bool changes_state, std::string_view path) {
  if (!viewer.token_scope) return true;
  switch (*viewer.token_scope) {
    case TokenScope::full: return true;
    case TokenScope::read: return !changes_state;
    case TokenScope::reporting: return is_own_states_report_api(viewer, path);
  }
  return false;
}

namespace {

// The States whose data `permission` opens to the viewer: every State, the viewer's own, or none.
Condition states_opened_by(const Viewer& viewer, Permission permission) {
  if (may(viewer, permission)) return always();
  if (viewer.state_iso3 && may(viewer, permission, *viewer.state_iso3)) return reporting_state_is(*viewer.state_iso3);
  return never();
}

}  // namespace

Condition read_report_condition(const Viewer& viewer) {
  const auto unsubmitted = [] { return any_of({fact(Fact::draft), fact(Fact::recalled)}); };
  // A State's own representatives read its restricted reports even before it becomes a party.
  const bool speaks_for_a_state = viewer.state_iso3 && (viewer.has(Role::state_representative) ||
                                                        viewer.has(Role::reporting_officer));
  auto restricted_readers = any_of({states_opened_by(viewer, Permission::read_restricted_reports),
                                    speaks_for_a_state ? reporting_state_is(*viewer.state_iso3) : never()});
  return any_of({
      // Drafts and recalled versions stay with those who make the State's reports.
      all_of({unsubmitted(), states_opened_by(viewer, Permission::read_drafts)}),
      all_of({negation(unsubmitted()), any_of({negation(fact(Fact::restricted)), std::move(restricted_readers)})}),
  });
}

bool may_read_report(const Viewer& viewer, const ReportFacts& report) {
  return read_report_condition(viewer).holds(report);
}

}  // namespace att::auth
