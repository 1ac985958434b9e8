#include "web/http/response_cache.hpp"

namespace att::web {

std::shared_ptr<const EncodedBody> ResponseCache::get(const std::string& key,
                                                      const std::function<std::string()>& compute) {
  {
    std::lock_guard lock(mutex_);
    if (const auto found = index_.find(key); found != index_.end()) {
      recent_.splice(recent_.begin(), recent_, found->second);
      return found->second->second;
    }
  }
  auto body = std::make_shared<const EncodedBody>(EncodedBody::of(compute()));
  std::lock_guard lock(mutex_);
  ++computed_;
  if (const auto found = index_.find(key); found != index_.end()) {
    recent_.splice(recent_.begin(), recent_, found->second);
    return found->second->second;  // another thread was quicker; its body is the same
  }
  recent_.emplace_front(key, body);
  index_[key] = recent_.begin();
  while (recent_.size() > max_entries_) {
    index_.erase(recent_.back().first);
    recent_.pop_back();
  }
  return body;
}

std::size_t ResponseCache::size() const {
  std::lock_guard lock(mutex_);
  return recent_.size();
}

std::size_t ResponseCache::computed() const {
  std::lock_guard lock(mutex_);
  return computed_;
}

}  // namespace att::web
