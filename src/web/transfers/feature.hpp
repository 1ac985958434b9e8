// The public transfers database: what States reported exporting and importing.
#pragma once

#include "web/kit/feature.hpp"

namespace att::web {

Feature transfers_feature();

}  // namespace att::web
