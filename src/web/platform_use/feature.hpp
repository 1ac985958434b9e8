// The use of the platform, year by year, for the Secretariat: /status/use and its CSV.
#pragma once

#include "web/kit/feature.hpp"

namespace att::web {

Feature platform_use_feature();

}  // namespace att::web
