// Reporting status: who owes which report, on time or late.
#pragma once

#include "web/kit/feature.hpp"

namespace att::web {

Feature compliance_feature();

}  // namespace att::web
