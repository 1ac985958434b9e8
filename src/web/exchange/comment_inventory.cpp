#include "web/exchange/comment_inventory.hpp"

#include <algorithm>

#include "text/dates.hpp"
#include "text/markdown.hpp"
#include "web/exchange/comment_threads.hpp"
#include "web/exchange/exchange_view.hpp"

namespace att::web {

std::vector<InventoryLine> compile_inventory(const AppContext& app, Language language,
                                             const exchange::Announcement& announcement,
                                             const std::vector<exchange::Comment>& comments) {
  const auto no_state = app.catalog.text(language, "exchange.no_state");
  std::vector<InventoryLine> lines;
  for (const auto& group : threads_by_section(announcement, comments, false)) {
    const auto section = section_label(app, language, announcement, group.section);
    // Cut the group into threads, then order the threads by their first comment's State.
    std::vector<std::vector<InventoryLine>> threads;
    for (const auto& threaded : group.comments) {
      if (threaded.depth == 0 || threads.empty()) {
        const auto state = state_name(app, language, threaded.comment->state_iso3);
        threads.push_back({});
        threads.back().push_back({section, state.empty() ? no_state : state, threaded.comment, threaded.depth});
      } else {
        threads.back().push_back({section, threads.back().front().state, threaded.comment, threaded.depth});
      }
    }
    std::stable_sort(threads.begin(), threads.end(),
                     [](const auto& a, const auto& b) { return a.front().state < b.front().state; });
    for (auto& thread : threads) lines.insert(lines.end(), thread.begin(), thread.end());
  }
  return lines;
}

std::vector<std::string> inventory_headings(const AppContext& app, Language language) {
  std::vector<std::string> headings;
  for (const auto* key : {"section", "state", "number", "reply_to", "author", "author_state", "date", "edited", "text"})
    headings.push_back(app.catalog.text(language, std::string("exchange.inventory.") + key));
  return headings;
}

std::vector<std::vector<std::string>> inventory_rows(const AppContext& app, Language language,
                                                     const std::vector<InventoryLine>& lines) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& line : lines) {
    const auto& comment = *line.comment;
    // Dates as ISO instants: a table is sorted and compared, not read aloud.
    rows.push_back({line.section, line.state, std::to_string(comment.id),
                    comment.reply_to ? std::to_string(*comment.reply_to) : "", comment.author_name,
                    state_name(app, language, comment.state_iso3), comment.created_at.iso(),
                    comment.edited_at ? comment.edited_at->iso() : "", comment.body});
  }
  return rows;
}

nlohmann::json inventory_context(const AppContext& app, Language language, const exchange::Announcement& announcement,
                                 const std::vector<InventoryLine>& lines) {
  nlohmann::json sections = nlohmann::json::array();
  for (const auto& line : lines) {
    if (sections.empty() || sections.back()["heading"] != line.section)
      sections.push_back({{"heading", line.section}, {"states", nlohmann::json::array()}});
    auto& states = sections.back()["states"];
    if (states.empty() || states.back()["name"] != line.state)
      states.push_back({{"name", line.state}, {"comments", nlohmann::json::array()}});
    const auto& comment = *line.comment;
    const auto own_state = state_name(app, language, comment.state_iso3);
    states.back()["comments"].push_back(
        {{"id", std::to_string(comment.id)},
         {"is_reply", line.depth > 0},
         {"reply_to", comment.reply_to ? std::to_string(*comment.reply_to) : ""},
         {"author", own_state.empty() ? comment.author_name : comment.author_name + " (" + own_state + ")"},
         {"created_at", text::format_timestamp(app.catalog, language, comment.created_at)},
         {"edited_at", comment.edited_at ? text::format_timestamp(app.catalog, language, *comment.edited_at) : ""},
         {"body_html", text::markdown_html(comment.body)}});
  }
  const auto id = std::to_string(announcement.id);
  auto context = announcement_view(app, language, announcement);
  context.update({{"title", app.catalog.text(language, "exchange.inventory_title") + " · " + announcement.title},
                  {"announcement_title", announcement.title},
                  {"sections", sections},
                  {"has_comments", !lines.empty()},
                  {"total", std::to_string(lines.size())},
                  {"csv_href", "/api/v1/announcements/" + id + "/inventory?format=csv"},
                  {"xlsx_href", "/api/v1/announcements/" + id + "/inventory?format=xlsx"},
                  {"pdf_href", "/api/v1/announcements/" + id + "/inventory?format=pdf"}});
  return context;
}

}  // namespace att::web
