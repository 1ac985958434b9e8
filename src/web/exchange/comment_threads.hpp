// Comments in reading order: grouped by the section their thread starts in, each thread's
// replies after the comment they answer, one level deeper. Shared by the announcement's page
// and the inventory, so both read the same order.
#pragma once

#include <cstddef>
#include <vector>

#include "exchange/announcements.hpp"

namespace att::web {

struct ThreadedComment {
  const exchange::Comment* comment = nullptr;
  std::size_t depth = 0;  // 0 for a comment that answers none
};

struct SectionThreads {
  std::optional<std::int64_t> section;  // none: on the announcement as a whole
  std::vector<ThreadedComment> comments;
};

// The general comments first, then the sections in order; a group without comments is left out
// unless `keep_empty_sections`. A reply whose parent is missing starts a thread of its own.
std::vector<SectionThreads> threads_by_section(const exchange::Announcement& announcement,
                                               const std::vector<exchange::Comment>& comments,
                                               bool keep_empty_sections);

}  // namespace att::web
