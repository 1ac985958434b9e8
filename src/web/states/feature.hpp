// The register of States: its JSON API and its page.
#pragma once

#include "web/kit/feature.hpp"

namespace att::web {

Feature states_feature();

}  // namespace att::web
