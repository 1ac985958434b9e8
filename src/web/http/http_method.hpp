// The request methods the platform knows, parsed once where a request arrives.
#pragma once

#include <string_view>

namespace att::web {

// `other`: a method no route answers (the router says 405 or 404), kept rather than refused
// so that the access log still shows the request.
enum class HttpMethod { get, head, post, put, patch, delete_, options, other };

std::string_view to_string(HttpMethod method);  // "GET", "POST", ...; "OTHER"
HttpMethod http_method_from_string(std::string_view text);  // exact, upper case, as on the wire

// Whether the method may change state (and so needs a CSRF token).
bool changes_state(HttpMethod method);

}  // namespace att::web
