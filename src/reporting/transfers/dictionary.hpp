// The distinct texts of one column of transfer lines, each kept once: lines hold a small code,
// so that a million lines naming the same two hundred States cost four bytes each, and a filter
// or a text search is decided once per distinct text rather than once per line.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace att::transfers {

class Dictionary {
 public:
  // `folded`: also keep each text folded (lower case, no accents) for searching.
  explicit Dictionary(bool folded = false) : keeps_folded_(folded) {}

  // The code of `text`, added when new.
  std::uint32_t code_of(std::string_view text);
  [[nodiscard]] std::optional<std::uint32_t> find(std::string_view text) const;
  [[nodiscard]] const std::string& text(std::uint32_t code) const { return texts_[code]; }
  // Empty unless the dictionary keeps folded texts.
  [[nodiscard]] const std::string& folded(std::uint32_t code) const { return folded_[code]; }
  [[nodiscard]] std::size_t size() const { return texts_.size(); }
  // Each code's place in the texts' byte order: a query sorting by text compares numbers.
  [[nodiscard]] std::vector<std::uint32_t> ranks() const;

 private:
  bool keeps_folded_;
  std::vector<std::string> texts_;
  std::vector<std::string> folded_;
  std::unordered_map<std::string, std::uint32_t> codes_;
};

}  // namespace att::transfers
