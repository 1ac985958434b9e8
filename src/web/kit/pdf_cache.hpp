// PDFs already printed, by the SHA-256 of the HTML they were printed from: the same HTML always
// prints the same PDF, so a document asked for again is served at once instead of printed
// again (printing takes a second and only one runs at a time). Anything that changes the page
// (a newer version, a recall, the language, the words of a template) changes the HTML and so
// the key. The least recently used documents go first once the total size passes the limit.
#pragma once

#include <cstddef>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace att::web {

class PdfCache {
 public:
  explicit PdfCache(std::size_t max_bytes = 64 * 1024 * 1024) : max_bytes_(max_bytes) {}

  // `key` is the digest of the HTML; callers look up only after deciding the visitor may see it.
  std::optional<std::string> find(const std::string& key);
  void keep(const std::string& key, std::string pdf);

 private:
  using Entry = std::pair<std::string, std::string>;  // key, PDF
  std::mutex mutex_;
  std::list<Entry> recent_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  std::size_t bytes_ = 0;
  std::size_t max_bytes_;
};

}  // namespace att::web
