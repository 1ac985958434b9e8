// Reporting a problem with the platform from any page, and the Secretariat's queue of reports.
#pragma once

#include "web/kit/feature.hpp"

namespace att::web {

Feature problems_feature();

}  // namespace att::web
