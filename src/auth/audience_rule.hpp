// Who may see, and who may comment on, an announcement or consultation of the information
// exchange, by its audience. Decided once here, in two forms: for one announcement in C++, and as
// a SQL condition on its audience column, so that lists, counts and comment threads never read a
// row of a consultation the viewer is outside of.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "auth/viewer.hpp"
#include "store/database.hpp"

namespace att::auth {

enum class Audience {
  everyone,    // "public": anyone, signed in or not
  registered,  // representatives of States Parties and Signatory States
  parties,     // representatives of States Parties only
};

inline constexpr Audience all_audiences[] = {Audience::everyone, Audience::registered, Audience::parties};

std::string_view to_string(Audience audience);  // "public", "registered", "parties"
std::optional<Audience> audience_from_string(std::string_view text);

// Whether the viewer is inside the audience: may see the announcement, its title, its comments.
bool may_see_announcement(const Viewer& viewer, Audience audience);
// Whether the viewer may comment there (the deadline and status are the store's business):
// signed in and inside the audience; observers only where the audience is public.
bool may_comment_on(const Viewer& viewer, Audience audience);

// may_see_announcement as SQL on `audience_column` (a text column holding to_string(Audience)).
// The audience names are appended to `params` and written $n after those already there.
std::string sees_announcement_sql(const Viewer& viewer, std::string_view audience_column, store::Params& params);

}  // namespace att::auth
