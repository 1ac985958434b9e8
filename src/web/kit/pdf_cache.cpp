#include "web/kit/pdf_cache.hpp"

namespace att::web {

std::optional<std::string> PdfCache::find(const std::string& key) {
  const std::lock_guard lock(mutex_);
  const auto found = index_.find(key);
  if (found == index_.end()) return std::nullopt;
  recent_.splice(recent_.begin(), recent_, found->second);
  return found->second->second;
}

void PdfCache::keep(const std::string& key, std::string pdf) {
  const std::lock_guard lock(mutex_);
  if (index_.contains(key) || pdf.size() > max_bytes_) return;
  bytes_ += pdf.size();
  recent_.emplace_front(key, std::move(pdf));
  index_[key] = recent_.begin();
  while (bytes_ > max_bytes_) {
    bytes_ -= recent_.back().second.size();
    index_.erase(recent_.back().first);
    recent_.pop_back();
  }
}

}  // namespace att::web
