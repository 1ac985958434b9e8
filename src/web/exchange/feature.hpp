// The information exchange: announcements, consultations and their comments.
#pragma once

#include "web/kit/feature.hpp"

namespace att::web {

Feature exchange_feature();

}  // namespace att::web
