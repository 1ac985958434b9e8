// The HTTP server: RESTinio on a pool of threads, feeding requests to the App.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include "web/kit/app.hpp"

namespace att::web {

struct ServerOptions {
  std::string bind_address = "127.0.0.1";
  unsigned short port = 8080;
  unsigned threads = 0;  // 0: one per processor core
  std::string access_log = "-";
  // Hard ceiling enforced while reading; the App answers 413 above its own, lower limit.
  std::size_t max_request_bytes = 16 * 1024 * 1024;
};

// Serves until SIGINT or SIGTERM, then closes the listener and returns. `on_ready` runs once
// the port is open. Throws if the address cannot be bound.
void serve(const App& app, const ServerOptions& options, const std::function<void()>& on_ready);

}  // namespace att::web
