#include <gtest/gtest.h>

#include <map>

#include "auth/accounts_store.hpp"
#include "auth/policy.hpp"
#include "test_data.hpp"

namespace att::auth {
namespace {

Date today() { return Date::from_ymd(2026, 11, 27); }

Account account(std::set<Role> roles, std::optional<std::string> state, bool totp) {
  return {42, "person@example.org", "Person", std::move(roles), std::move(state), true, totp};
}

// A France reporting officer's token with this scope, as the visit makes it.
Viewer token_of_reporting_officer(TokenScope scope) {
  auto viewer = viewer_for(account({Role::state_representative, Role::reporting_officer}, "FRA", true),
                           testing::project_register(), today(), true);
  viewer.token_scope = scope;
  return viewer;
}

// Each kind of viewer the platform knows, made the way the web layer makes them.
std::map<std::string, Viewer> viewers() {
  const auto& states = testing::project_register();
  return {
      {"full_token", token_of_reporting_officer(TokenScope::full)},
      {"read_token", token_of_reporting_officer(TokenScope::read)},
      {"reporting_token", token_of_reporting_officer(TokenScope::reporting)},
      {"anonymous", Viewer::anonymous()},
      {"observer", viewer_for(account({Role::observer}, std::nullopt, false), states, today(), true)},
      {"representative_of_party", viewer_for(account({Role::state_representative}, "FRA", false), states, today(), true)},
      {"representative_of_signatory",
       viewer_for(account({Role::state_representative}, "USA", false), states, today(), true)},
      {"representative_of_non_member",
       viewer_for(account({Role::state_representative}, "VAT", false), states, today(), true)},
      {"reporting_officer_of_party",
       viewer_for(account({Role::state_representative, Role::reporting_officer}, "FRA", true), states, today(), true)},
      {"reporting_officer_without_second_factor",
       viewer_for(account({Role::state_representative, Role::reporting_officer}, "FRA", false), states, today(), true)},
      {"chair", viewer_for(account({Role::chair}, std::nullopt, false), states, today(), true)},
      {"secretariat", viewer_for(account({Role::secretariat}, std::nullopt, true), states, today(), true)},
      {"secretariat_awaiting_code", viewer_for(account({Role::secretariat}, std::nullopt, true), states, today(), false)},
      {"administrator", viewer_for(account({Role::administrator}, std::nullopt, true), states, today(), true)},
  };
}

std::optional<Permission> permission_named(std::string_view name) {
  for (const auto permission : all_permissions) {
    if (to_string(permission) == name) return permission;
  }
  return std::nullopt;
}

TEST(Policy, DecidesEveryCaseInTheMatrix) {
  const auto cases = testing::read_cases("policy_matrix.csv");
  const auto known = viewers();
  ASSERT_GE(cases.rows().size(), 60u);
  for (const auto& row : cases.rows()) {
    const auto viewer = known.find(std::string(cases.field(row, "viewer")));
    ASSERT_NE(viewer, known.end()) << "line " << row.line;
    const auto permission = permission_named(cases.field(row, "permission"));
    ASSERT_TRUE(permission) << "line " << row.line;
    const auto state = cases.field(row, "state");
    const bool allowed = may(viewer->second, *permission,
                             state.empty() ? std::nullopt : std::optional<std::string_view>(state));
    EXPECT_EQ(allowed, cases.field(row, "allowed") == "yes")
        << "line " << row.line << ": " << viewer->first << " " << to_string(*permission) << " " << state;
  }
}

TEST(Policy, EveryViewerAndPermissionIsCoveredByTheMatrix) {
  // A new permission or viewer kind must come with its rows.
  const auto cases = testing::read_cases("policy_matrix.csv");
  std::set<std::string> viewer_kinds, permissions;
  for (const auto& row : cases.rows()) {
    viewer_kinds.insert(std::string(cases.field(row, "viewer")));
    permissions.insert(std::string(cases.field(row, "permission")));
  }
  for (const auto& [name, viewer] : viewers()) EXPECT_TRUE(viewer_kinds.contains(name)) << name;
  for (const auto permission : all_permissions) EXPECT_TRUE(permissions.contains(std::string(to_string(permission))));
}

TEST(Policy, TokenScopesDecideEveryCaseInTheirMatrix) {
  const auto cases = testing::read_cases("token_scope_matrix.csv");
  ASSERT_GE(cases.rows().size(), 25u);
  for (const auto& row : cases.rows()) {
    const auto scope = token_scope_from_string(cases.field(row, "scope"));
    ASSERT_TRUE(scope) << "line " << row.line;
    const auto method = cases.field(row, "method");
    const bool changes_state = method != "GET" && method != "HEAD";
    const auto path = cases.field(row, "path");
    EXPECT_EQ(within_token_scope(token_of_reporting_officer(*scope), changes_state, path),
              cases.field(row, "allowed") == "yes")
        << "line " << row.line << ": " << to_string(*scope) << " " << method << " " << path;
  }
  // Without a token, scope never refuses: the permissions alone decide.
  const auto signed_in = viewers().at("reporting_officer_of_party");
  EXPECT_TRUE(within_token_scope(signed_in, true, "/admin/users/1"));
  // A reporting token of an account without a State reaches nothing.
  auto stateless = viewers().at("secretariat");
  stateless.token_scope = TokenScope::reporting;
  EXPECT_FALSE(within_token_scope(stateless, false, "/api/v1/reports/FRA/2021"));
}

TEST(Policy, AdministratorsCannotGiveThemselvesTheSecretariatRole) {
  auto administrator = viewers().at("administrator");
  const auto self = *administrator.user_id;
  EXPECT_FALSE(may_grant_roles(administrator, self, {Role::secretariat}));
  EXPECT_TRUE(may_grant_roles(administrator, self, {Role::chair}));
  EXPECT_TRUE(may_grant_roles(administrator, self, {}));
  EXPECT_TRUE(may_grant_roles(administrator, self + 1, {Role::secretariat}));
  EXPECT_FALSE(may_grant_roles(viewers().at("secretariat"), self + 1, {Role::chair})) << "only who manages users";
  EXPECT_EQ(roles_added({Role::administrator}, {Role::administrator, Role::secretariat}),
            std::set<Role>{Role::secretariat});
  EXPECT_TRUE(roles_added({Role::secretariat, Role::administrator}, {Role::administrator}).empty());
}

TEST(Viewer, PartyStatusFollowsTheRegisterOnTheDay) {
  const auto& states = testing::project_register();
  // Afghanistan acceded on 2020-07-29: its representative gains States Parties' access that day.
  const auto before = viewer_for(account({Role::state_representative}, "AFG", false), states,
                                 Date::from_ymd(2020, 7, 28), true);
  const auto after = viewer_for(account({Role::state_representative}, "AFG", false), states,
                                Date::from_ymd(2020, 7, 29), true);
  EXPECT_FALSE(may(before, Permission::read_restricted_reports));
  EXPECT_TRUE(may(after, Permission::read_restricted_reports));
}

TEST(Viewer, InactiveAccountIsAnonymous) {
  auto inactive = account({Role::secretariat}, std::nullopt, true);
  inactive.active = false;
  const auto viewer = viewer_for(inactive, testing::project_register(), today(), true);
  EXPECT_TRUE(viewer.is_anonymous());
  EXPECT_FALSE(may(viewer, Permission::read_audit_log));
}

TEST(Roles, RoundTripTheirNames) {
  for (const auto role : all_roles) EXPECT_EQ(role_from_string(to_string(role)), role);
  EXPECT_FALSE(role_from_string("superuser"));
  EXPECT_TRUE(requires_second_factor(Role::reporting_officer));
  EXPECT_FALSE(requires_second_factor(Role::state_representative));
}

}  // namespace
}  // namespace att::auth

namespace att::auth {
namespace {

TEST(Email, NormalisesAndRejectsAddressesThatCouldInjectRecipients) {
  EXPECT_EQ(normalize_email("  Jane.Doe@Example.ORG "), "jane.doe@example.org");
  for (const char* good : {"a@b.org", "first.last+tag@ministry.gov.fr"}) EXPECT_TRUE(looks_like_email(good)) << good;
  for (const char* bad : {"", "plain", "@b.org", "a@", "a@b", "a@b.", "a@@b.org", "a b@c.org", "a,b@c.org",
                          "a;b@c.org", "<a@b.org>", "\"a\"@b.org", "a@b.org\r\nBcc: x@y.org"})
    EXPECT_FALSE(looks_like_email(bad)) << bad;
}

}  // namespace
}  // namespace att::auth
