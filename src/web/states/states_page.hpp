// The States page of the public site: who is a party, a signatory or neither on a chosen day.
#pragma once

#include <nlohmann/json.hpp>

#include "core/participation.hpp"
#include "web/http/router.hpp"
#include "web/kit/app_context.hpp"

namespace att::web {

void add_states_page(Router& router, const AppContext& app);

// Counts by participation as the pages show them (the home page shows the same summary).
nlohmann::json counts_json(const ParticipationCounts& counts);

}  // namespace att::web
