// One link of the main navigation, as a feature declares it.
#pragma once

#include <string>

#include "auth/viewer.hpp"

namespace att::web {

struct NavEntry {
  // Where the entry sits in the navigation, smallest first. Features are listed in the order
  // their routes are tried, which is not the reading order of the menu; see features.cpp.
  int position = 0;
  std::string href;
  std::string label_key;  // in the catalogue
  // When the entry is marked as the current page: never (a link elsewhere), on `href` only,
  // or on every path under it ("/reports" covers "/reports/FRA/2025").
  enum class Current { never, exact, prefix } current = Current::exact;
  // Who sees it; everyone when null.
  bool (*shown_to)(const auth::Viewer& viewer) = nullptr;
};

}  // namespace att::web
