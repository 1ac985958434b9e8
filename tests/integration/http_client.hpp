// A deliberately plain HTTP/1.1 client over a loopback socket: it sends exactly the bytes it
// is given, so tests can also send malformed requests.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace att::testing {

struct HttpResult {
  int status = 0;  // 0 when the server closed without answering
  std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
  std::string body;
  [[nodiscard]] std::string header(const std::string& name) const;
};

HttpResult http_raw(int port, const std::string& raw_request);
HttpResult http_get(int port, const std::string& target, const std::vector<std::string>& extra_headers = {});

}  // namespace att::testing
