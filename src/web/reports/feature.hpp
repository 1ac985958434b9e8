// Annual and initial reports: their API, their pages, printed copies and attachments.
#pragma once

#include "web/kit/feature.hpp"

namespace att::web {

Feature reports_feature();

}  // namespace att::web
