#include "http_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace att::testing {

namespace {

// The body of a chunked response without its framing. A body that stops before the final empty
// chunk comes back with "[incomplete]" appended, so a test sees a download that broke off.
std::string dechunked(const std::string& framed) {
  std::string body;
  std::size_t at = 0;
  for (;;) {
    const auto size_end = framed.find("\r\n", at);
    if (size_end == std::string::npos) return body + "[incomplete]";
    const auto size = std::stoul(framed.substr(at, size_end - at), nullptr, 16);
    if (size == 0) return body;
    if (size_end + 2 + size > framed.size()) return body + "[incomplete]";
    body.append(framed, size_end + 2, size);
    at = size_end + 2 + size + 2;
  }
}

HttpResult parse_response(const std::string& raw) {
  HttpResult result;
  const auto head_end = raw.find("\r\n\r\n");
  if (raw.rfind("HTTP/1.", 0) != 0 || head_end == std::string::npos) return result;
  result.status = std::stoi(raw.substr(9, 3));
  std::size_t line_start = raw.find("\r\n") + 2;
  while (line_start < head_end) {
    const auto line_end = raw.find("\r\n", line_start);
    const auto line = raw.substr(line_start, line_end - line_start);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
      std::string value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.erase(0, 1);
      result.headers.emplace_back(name, value);
    }
    line_start = line_end + 2;
  }
  result.body = raw.substr(head_end + 4);
  if (result.header("transfer-encoding") == "chunked") result.body = dechunked(result.body);
  return result;
}

}  // namespace

std::string HttpResult::header(const std::string& name) const {
  for (const auto& [key, value] : headers) {
    if (key == name) return value;
  }
  return {};
}

HttpResult http_raw(int port, const std::string& raw_request) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket failed");
  timeval timeout{10, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    close(fd);
    throw std::runtime_error("cannot connect to port " + std::to_string(port));
  }
  std::size_t sent = 0;
  while (sent < raw_request.size()) {
    const auto n = send(fd, raw_request.data() + sent, raw_request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may close early on a bad request: read what it said
    sent += static_cast<std::size_t>(n);
  }
  // Nothing more will come from us: the server answers, then sees the end and closes, so the
  // read below ends even on keep-alive or incomplete requests.
  shutdown(fd, SHUT_WR);
  std::string response;
  char buffer[65536];
  for (;;) {
    const auto n = recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    response.append(buffer, static_cast<std::size_t>(n));
  }
  close(fd);
  return parse_response(response);
}

HttpResult http_get(int port, const std::string& target, const std::vector<std::string>& extra_headers) {
  std::string request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
  for (const auto& header : extra_headers) request += header + "\r\n";
  request += "\r\n";
  return http_raw(port, request);
}

}  // namespace att::testing
