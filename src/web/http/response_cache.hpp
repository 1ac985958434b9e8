// Response bodies computed once and served again: for answers that depend only on their key
// (the States register is immutable while the server runs, so the list for a date and a filter
// never changes). Bounded in entries; when full, the least recently used entry goes. Safe to
// use from all server threads; a body is shared, never copied, while the lock is held.
#pragma once

#include <cstddef>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "web/http/compression.hpp"

namespace att::web {

class ResponseCache {
 public:
  explicit ResponseCache(std::size_t max_entries = 512) : max_entries_(max_entries == 0 ? 1 : max_entries) {}

  // The body kept under `key`, or the one `compute` makes (then kept). `compute` runs without
  // the lock held: two threads asking for a new key at once may both compute it, and the
  // answers are equal.
  std::shared_ptr<const EncodedBody> get(const std::string& key, const std::function<std::string()>& compute);

  [[nodiscard]] std::size_t size() const;
  [[nodiscard]] std::size_t computed() const;  // how many times a body was computed (for tests)

 private:
  using Entry = std::pair<std::string, std::shared_ptr<const EncodedBody>>;
  mutable std::mutex mutex_;
  std::list<Entry> recent_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  std::size_t max_entries_;
  std::size_t computed_ = 0;
};

}  // namespace att::web
