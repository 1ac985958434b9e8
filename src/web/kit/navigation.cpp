#include "web/kit/navigation.hpp"

#include <algorithm>

namespace att::web {

namespace {

bool is_current(const NavEntry& entry, const std::string& path) {
  switch (entry.current) {
    case NavEntry::Current::never: return false;
    case NavEntry::Current::exact: return path == entry.href;
    case NavEntry::Current::prefix: return path.rfind(entry.href, 0) == 0;
  }
  return false;
}

}  // namespace

std::vector<NavEntry> navigation_of(const std::vector<Feature>& features) {
  std::vector<NavEntry> entries;
  for (const auto& feature : features) entries.insert(entries.end(), feature.navigation.begin(), feature.navigation.end());
  std::stable_sort(entries.begin(), entries.end(),
                   [](const NavEntry& a, const NavEntry& b) { return a.position < b.position; });
  return entries;
}

nlohmann::json navigation_json(const AppContext& app, const HttpRequest& request, Language language) {
  nlohmann::json entries = nlohmann::json::array();
  for (const auto& entry : app.navigation) {
    if (entry.shown_to && !entry.shown_to(request.visit.viewer)) continue;
    entries.push_back({{"href", entry.href},
                       {"label", app.catalog.text(language, entry.label_key)},
                       {"current", is_current(entry, request.path)}});
  }
  return entries;
}

}  // namespace att::web
