// Signing in and out, registration, password reset and the account page.
#pragma once

#include "web/kit/feature.hpp"

namespace att::web {

Feature accounts_feature();

}  // namespace att::web
