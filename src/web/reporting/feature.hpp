// The online reporting tool: the officer's home, the Secretariat's overview and the annual
// report editor, for people (the API for reports is the reports feature's).
#pragma once

#include "web/kit/feature.hpp"

namespace att::web {

Feature reporting_feature();

}  // namespace att::web
