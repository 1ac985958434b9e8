#include "exchange/notifications/news_text.hpp"

#include <algorithm>

namespace att::notifications {

namespace {

// Written out, not built, so that the catalogue test sees every key.
const char* line_key(NewsKind kind) {
  switch (kind) {
    case NewsKind::announcement: return "notifications.lines.announcement";
    case NewsKind::consultation: return "notifications.lines.consultation";
    case NewsKind::document: return "notifications.lines.document";
    case NewsKind::comment: return "notifications.lines.comment";
  }
  return "notifications.lines.announcement";
}

// A comment is signed by its State where it speaks for one, else by its author.
std::string signature_of(const StatesRegister& states_register, Language language, const NewsItem& item) {
  if (item.state_iso3) {
    if (const auto* state = states_register.find_by_code(*item.state_iso3)) return state->name(language);
  }
  return item.author_name;
}

}  // namespace

std::string describe(const text::Catalog& catalog, const StatesRegister& states_register, Language language,
                     const NewsItem& item) {
  return catalog.text(language, line_key(item.kind),
                      {{"title", item.title},
                       {"version", std::to_string(item.version_no)},
                       {"who", signature_of(states_register, language, item)}});
}

std::string one_line(std::string text) {
  std::replace_if(
      text.begin(), text.end(), [](char c) { return c == '\r' || c == '\n' || c == '\t'; }, ' ');
  return text;
}

}  // namespace att::notifications
