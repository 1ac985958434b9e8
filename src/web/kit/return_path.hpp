// Where to go after signing in: a path of this site, or the account page.
#pragma once

#include <string>
#include <string_view>

namespace att::web {

// True when a browser given `candidate` as a Location would stay on this site.
bool is_same_origin_path(std::string_view candidate);

// `candidate` when it is a same-origin path; otherwise "/account".
std::string safe_return_path(std::string_view candidate);

}  // namespace att::web
