#include "web/http/access_log.hpp"

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "core/date.hpp"
#include "core/timestamp.hpp"

namespace att::web {

AccessLog::AccessLog(const std::string& destination) {
  if (destination == "off") return;
  if (destination == "-" || destination.empty()) {
    out_ = stdout;
    return;
  }
  out_ = std::fopen(destination.c_str(), "a");
  if (out_ == nullptr) throw std::runtime_error("cannot open access log " + destination + ": " + std::strerror(errno));
  owns_ = true;
}

AccessLog::~AccessLog() {
  if (owns_) std::fclose(out_);
  else if (out_) std::fflush(out_);
}

void AccessLog::record(const HttpRequest& request, const HttpResponse& response, std::chrono::microseconds elapsed) {
  if (out_ == nullptr) return;
  // Paths are cut and control characters dropped so that a hostile request cannot forge log lines.
  std::string path = request.path.substr(0, 200);
  for (auto& c : path) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  }
  const auto stamp = Timestamp::now();
  std::lock_guard lock(mutex_);
  std::fprintf(out_, "%s %s %s %s %d %zu %lldus\n", stamp.iso().c_str(), request.remote_address.c_str(),
               std::string(to_string(request.method)).c_str(), path.c_str(), response.status, response.body.size(),
               static_cast<long long>(elapsed.count()));
}

void AccessLog::flush() {
  std::lock_guard lock(mutex_);
  if (out_) std::fflush(out_);
}

}  // namespace att::web
