// The main navigation of a page: the features' entries, in order, for this visitor and path.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/language.hpp"
#include "web/http/http.hpp"
#include "web/kit/app_context.hpp"
#include "web/kit/feature.hpp"

namespace att::web {

// Every feature's entries, sorted by position.
std::vector<NavEntry> navigation_of(const std::vector<Feature>& features);

// [{href, label, current}] for the layout, leaving out entries this visitor may not see.
nlohmann::json navigation_json(const AppContext& app, const HttpRequest& request, Language language);

}  // namespace att::web
