// A scan of a million lines split across the machine's cores: the transfers queries read the
// lines in parts, each part on its own thread into its own partial result, and then join the
// partial results. A small scan stays on the calling thread, where a thread would cost more
// than it saves.
#pragma once

#include <algorithm>
#include <cstddef>
#include <future>
#include <thread>
#include <vector>

namespace att::transfers {

// Below this many lines a scan is not split.
inline constexpr std::size_t lines_worth_splitting = 200'000;

// How many parts a scan of `count` lines is split into: one per core (at most four), or one.
inline std::size_t scan_part_count(std::size_t count) {
  if (count < lines_worth_splitting) return 1;
  return std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 4);
}

// Calls part(p) for p in [0, parts), the first on this thread and the others each on a thread of
// their own, and returns once all are done. An exception in a part (a query over its budget)
// is thrown here, after every part has stopped.
template <typename Part>
void run_parts(std::size_t parts, Part part) {
  std::vector<std::future<void>> others;
  for (std::size_t p = 1; p < parts; ++p) others.push_back(std::async(std::launch::async, part, p));
  std::exception_ptr failed;
  try {
    part(std::size_t{0});
  } catch (...) {
    failed = std::current_exception();
  }
  for (auto& other : others) try {
      other.get();
    } catch (...) {
      if (!failed) failed = std::current_exception();
    }
  if (failed) std::rethrow_exception(failed);
}

}  // namespace att::transfers
