// A State on a date as the API shows it.
#pragma once

#include <nlohmann/json.hpp>

#include "core/participation.hpp"

namespace att::io {

nlohmann::json state_json(const StateOnDate& state_on_date);

}  // namespace att::io
