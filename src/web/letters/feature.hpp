#pragma once

#include "web/kit/feature.hpp"

namespace att::web {

// The Secretariat's reminder letters: choose the States with overdue reports, preview, print or
// send the letters, record the replies.
Feature letters_feature();

}  // namespace att::web
