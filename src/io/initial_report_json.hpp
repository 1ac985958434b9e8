// The initial report as JSON through the API: {"visibility", "updates_earlier", "answers":
// {question id: {"choice", "explanation", "entries"}}}; what goes out comes back in.
#pragma once

#include <string>

#include <nlohmann/json.hpp>
#include <tl/expected.hpp>

#include "core/reports/initial_report.hpp"

namespace att::io {

nlohmann::json initial_report_json(const reports::InitialReport& report);
// An error names the field that is wrong.
tl::expected<reports::InitialReport, std::string> initial_report_from_json(const nlohmann::json& document);

}  // namespace att::io
