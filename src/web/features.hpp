// Every feature of the site, in the order their routes are tried.
#pragma once

#include <vector>

#include "web/kit/feature.hpp"

namespace att::web {

const std::vector<Feature>& features();

}  // namespace att::web
