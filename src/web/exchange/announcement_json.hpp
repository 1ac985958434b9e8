// Announcements and comments as the API writes them, and new ones as it reads them.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <tl/expected.hpp>

#include "exchange/announcements.hpp"
#include "exchange/announcements_store.hpp"

namespace att::web {

// `with_body`: the page of one announcement, with its body and sections; lists leave them out.
nlohmann::json announcement_json(const exchange::Announcement& announcement, bool with_body);
nlohmann::json comment_json(const exchange::Comment& comment);

// A field that could not be used: its name and the catalogue key of the message.
struct FieldError {
  std::string field;
  std::string message_key;
};

tl::expected<exchange::NewAnnouncement, FieldError> new_announcement_from(const nlohmann::json& document);
tl::expected<exchange::NewComment, FieldError> new_comment_from(const nlohmann::json& document);

}  // namespace att::web
