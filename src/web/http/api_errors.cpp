#include "web/http/api_errors.hpp"

namespace att::web {

std::string json_text(const nlohmann::json& value) {
  // Text echoed from a request may be invalid UTF-8: replace such bytes rather than fail.
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

HttpResponse api_error(int status, std::string_view code, const std::string& message, const nlohmann::json& details) {
  nlohmann::json error = {{"code", code}, {"message", message}};
  if (!details.is_null()) error["details"] = details;
  return HttpResponse::json(status, json_text(nlohmann::json{{"error", error}}));
}

}  // namespace att::web
