// JSON errors of the API: {"error":{"code":"...","message":"..."}}, message in the caller's language.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "web/http/http.hpp"

namespace att::web {

// Serialises for a response; never throws on invalid UTF-8 (it is replaced).
std::string json_text(const nlohmann::json& value);

HttpResponse api_error(int status, std::string_view code, const std::string& message,
                       const nlohmann::json& details = nullptr);

}  // namespace att::web
