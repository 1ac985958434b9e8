#include "web/exchange/announcement_json.hpp"

#include "text/markdown.hpp"

namespace att::web {

namespace {

nlohmann::json optional_instant(const std::optional<Timestamp>& instant) {
  return instant ? nlohmann::json(instant->iso()) : nlohmann::json(nullptr);
}

template <typename T>
nlohmann::json optional_value(const std::optional<T>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

bool is_blank(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

// A string field, absent meaning `fallback`; anything else than a string is an error.
std::optional<std::string> text_field(const nlohmann::json& document, const char* name, std::string fallback = {}) {
  if (!document.contains(name)) return fallback;
  if (!document[name].is_string()) return std::nullopt;
  return document[name].get<std::string>();
}

// A positive whole number, or null / absent.
tl::expected<std::optional<std::int64_t>, FieldError> number_field(const nlohmann::json& document, const char* name) {
  if (!document.contains(name) || document[name].is_null()) return std::nullopt;
  if (!document[name].is_number_integer() || document[name].get<std::int64_t>() < 1)
    return tl::unexpected(FieldError{name, "exchange.errors." + std::string(name)});
  return document[name].get<std::int64_t>();
}

}  // namespace

nlohmann::json announcement_json(const exchange::Announcement& announcement, bool with_body) {
  nlohmann::json json{{"id", announcement.id},
                      {"kind", exchange::to_string(announcement.kind)},
                      {"title", announcement.title},
                      {"audience", auth::to_string(announcement.audience)},
                      {"status", exchange::to_string(announcement.status)},
                      {"deadline", optional_instant(announcement.deadline)},
                      {"published_at", announcement.published_at.iso()},
                      {"comments", announcement.comment_count}};
  if (with_body) {
    json["body"] = announcement.body;
    json["body_html"] = text::markdown_html(announcement.body);
    json["sections"] = announcement.sections;
  }
  return json;
}

nlohmann::json comment_json(const exchange::Comment& comment) {
  return {{"id", comment.id},
          {"reply_to", optional_value(comment.reply_to)},
          {"section", optional_value(comment.section)},
          {"author", comment.author_name},
          {"state", optional_value(comment.state_iso3)},
          {"body", comment.body},
          {"created_at", comment.created_at.iso()},
          {"edited_at", optional_instant(comment.edited_at)}};
}

tl::expected<exchange::NewAnnouncement, FieldError> new_announcement_from(const nlohmann::json& document) {
  if (!document.is_object()) return tl::unexpected(FieldError{"", "errors.invalid_json"});
  exchange::NewAnnouncement announcement;
  const auto title = text_field(document, "title");
  if (!title || is_blank(*title)) return tl::unexpected(FieldError{"title", "exchange.errors.title"});
  announcement.title = *title;
  const auto body = text_field(document, "body");
  if (!body) return tl::unexpected(FieldError{"body", "exchange.errors.body"});
  announcement.body = *body;
  const auto kind = text_field(document, "kind", "announcement");
  if (!kind || !exchange::kind_from_string(*kind)) return tl::unexpected(FieldError{"kind", "exchange.errors.kind"});
  announcement.kind = *exchange::kind_from_string(*kind);
  // No audience given: the narrowest, so that forgetting it never publishes too widely.
  const auto audience = text_field(document, "audience", "parties");
  if (!audience || !auth::audience_from_string(*audience))
    return tl::unexpected(FieldError{"audience", "exchange.errors.audience"});
  announcement.audience = *auth::audience_from_string(*audience);
  if (document.contains("deadline") && !document["deadline"].is_null()) {
    const auto text = text_field(document, "deadline");
    const auto deadline = text ? Timestamp::parse(*text) : std::nullopt;
    if (!deadline) return tl::unexpected(FieldError{"deadline", "exchange.errors.deadline"});
    announcement.deadline = *deadline;
  }
  if (document.contains("sections")) {
    if (!document["sections"].is_array()) return tl::unexpected(FieldError{"sections", "exchange.errors.sections"});
    for (const auto& section : document["sections"]) {
      if (!section.is_string() || is_blank(section.get<std::string>()))
        return tl::unexpected(FieldError{"sections", "exchange.errors.sections"});
      announcement.sections.push_back(section.get<std::string>());
    }
  }
  return announcement;
}

tl::expected<exchange::NewComment, FieldError> new_comment_from(const nlohmann::json& document) {
  if (!document.is_object()) return tl::unexpected(FieldError{"", "errors.invalid_json"});
  exchange::NewComment comment;
  const auto body = text_field(document, "body");
  if (!body || is_blank(*body)) return tl::unexpected(FieldError{"body", "exchange.errors.comment_body"});
  comment.body = *body;
  const auto section = number_field(document, "section");
  if (!section) return tl::unexpected(section.error());
  comment.section = *section;
  const auto reply_to = number_field(document, "reply_to");
  if (!reply_to) return tl::unexpected(reply_to.error());
  comment.reply_to = *reply_to;
  return comment;
}

}  // namespace att::web
