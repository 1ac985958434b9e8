// A report version's summary as JSON, the one shape the API and the CLI both print.
#pragma once

#include <nlohmann/json.hpp>

#include "reporting/reports_store.hpp"

namespace att::reporting {

nlohmann::json version_json(const VersionSummary& summary);

}  // namespace att::reporting
