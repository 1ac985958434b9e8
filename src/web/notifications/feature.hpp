// Notifications of the information exchange: each person's choice of mail, and the list of what
// is new since their last visit.
#pragma once

#include "web/kit/feature.hpp"

namespace att::web {

Feature notifications_feature();

}  // namespace att::web
