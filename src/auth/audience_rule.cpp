#include "auth/audience_rule.hpp"

#include "auth/policy.hpp"

namespace att::auth {

std::string_view to_string(Audience audience) {
  switch (audience) {
    case Audience::everyone: return "public";
    case Audience::registered: return "registered";
    case Audience::parties: return "parties";
  }
  return "parties";
}

std::optional<Audience> audience_from_string(std::string_view text) {
  for (const auto audience : all_audiences) {
    if (to_string(audience) == text) return audience;
  }
  return std::nullopt;
}

bool may_see_announcement(const Viewer& viewer, Audience audience) {
  // Those who publish read everything they and their colleagues published.
  if (may(viewer, Permission::publish_announcements)) return true;
  switch (audience) {
    case Audience::everyone: return true;
    case Audience::registered: return may(viewer, Permission::enter_restricted_area);
    // The same States as restricted reports: a signatory's representative is outside.
    case Audience::parties: return may(viewer, Permission::read_restricted_reports);
  }
  return false;
}

bool may_comment_on(const Viewer& viewer, Audience audience) {
  // A comment is signed: nobody anonymous, nobody whose roles wait for a second factor.
  if (viewer.is_anonymous() || viewer.roles.empty()) return false;
  return may_see_announcement(viewer, audience);
}

std::string sees_announcement_sql(const Viewer& viewer, std::string_view audience_column, store::Params& params) {
  std::string list;
  for (const auto audience : all_audiences) {
    if (!may_see_announcement(viewer, audience)) continue;
    params.emplace_back(std::string(to_string(audience)));
    list += (list.empty() ? "$" : ", $") + std::to_string(params.size());
  }
  // Everyone sees public announcements, so the list is never empty; the guard keeps SQL valid.
  if (list.empty()) return "(1 = 0)";
  return "(" + std::string(audience_column) + " IN (" + list + "))";
}

}  // namespace att::auth
