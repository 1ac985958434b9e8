// What every page's footer leads to: contact, terms of use, privacy, and the API documentation.
#pragma once

#include "web/kit/feature.hpp"

namespace att::web {

Feature about_feature();

}  // namespace att::web
