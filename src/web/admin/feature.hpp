// The Secretariat's pages (registrations, users, audit log) and the restricted area.
#pragma once

#include "web/kit/feature.hpp"

namespace att::web {

Feature admin_feature();

}  // namespace att::web
