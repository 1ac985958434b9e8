// One line per request: when, who, what, the outcome and how long it took.
#pragma once

#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>

#include "web/http/http.hpp"

namespace att::web {

class AccessLog {
 public:
  // "-" for standard output, "off" for none, otherwise a file appended to.
  explicit AccessLog(const std::string& destination);
  ~AccessLog();
  AccessLog(const AccessLog&) = delete;
  AccessLog& operator=(const AccessLog&) = delete;

  void record(const HttpRequest& request, const HttpResponse& response, std::chrono::microseconds elapsed);
  void flush();

 private:
  std::FILE* out_ = nullptr;
  bool owns_ = false;
  std::mutex mutex_;
};

}  // namespace att::web
