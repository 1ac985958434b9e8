// The home page.
#pragma once

#include "web/kit/feature.hpp"

namespace att::web {

Feature home_feature();

}  // namespace att::web
