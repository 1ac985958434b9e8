// The health check that load balancers and monitors call.
#pragma once

#include "web/kit/feature.hpp"

namespace att::web {

Feature health_feature();

}  // namespace att::web
