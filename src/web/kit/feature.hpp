// A part of the site (States, reports, accounts...): the routes it answers and the entries it
// adds to the main navigation. src/web/features.cpp lists them all; nothing else names them.
#pragma once

#include <string>
#include <vector>

#include "web/http/router.hpp"
#include "web/kit/app_context.hpp"
#include "web/kit/nav_entry.hpp"

namespace att::web {

struct Feature {
  std::string name;
  void (*add_routes)(Router& router, const AppContext& app) = nullptr;
  std::vector<NavEntry> navigation;
};

}  // namespace att::web
