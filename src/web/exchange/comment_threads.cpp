#include "web/exchange/comment_threads.hpp"

#include <functional>
#include <map>

namespace att::web {

std::vector<SectionThreads> threads_by_section(const exchange::Announcement& announcement,
                                               const std::vector<exchange::Comment>& comments,
                                               bool keep_empty_sections) {
  std::map<std::int64_t, const exchange::Comment*> by_id;
  std::map<std::int64_t, std::vector<const exchange::Comment*>> replies;  // by the comment answered
  for (const auto& comment : comments) by_id[comment.id] = &comment;
  std::vector<const exchange::Comment*> roots;
  for (const auto& comment : comments) {
    if (comment.reply_to && by_id.contains(*comment.reply_to))
      replies[*comment.reply_to].push_back(&comment);
    else
      roots.push_back(&comment);
  }
  std::vector<SectionThreads> groups(announcement.sections.size() + 1);
  for (std::size_t i = 1; i < groups.size(); ++i) groups[i].section = static_cast<std::int64_t>(i);
  const std::function<void(std::vector<ThreadedComment>&, const exchange::Comment*, std::size_t)> add_thread =
      [&](std::vector<ThreadedComment>& into, const exchange::Comment* comment, std::size_t depth) {
        into.push_back({comment, depth});
        for (const auto* reply : replies[comment->id]) add_thread(into, reply, depth + 1);
      };
  for (const auto* root : roots) {
    const auto section = root->section.value_or(0);
    const auto group = section >= 1 && section < static_cast<std::int64_t>(groups.size()) ? section : 0;
    add_thread(groups[static_cast<std::size_t>(group)].comments, root, 0);
  }
  std::vector<SectionThreads> kept;
  for (std::size_t i = 0; i < groups.size(); ++i) {
    if (!groups[i].comments.empty() || (keep_empty_sections && i > 0)) kept.push_back(std::move(groups[i]));
  }
  return kept;
}

}  // namespace att::web
