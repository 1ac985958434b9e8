#include "web/health/feature.hpp"

#include "web/health/health_routes.hpp"

namespace att::web {

Feature health_feature() { return {"health", add_health_routes, {}}; }

}  // namespace att::web
