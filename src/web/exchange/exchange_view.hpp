// What the exchange's pages and downloads share: the announcement's id in the path, and
// announcements and comments in the reader's words.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "exchange/announcements.hpp"
#include "web/http/http.hpp"
#include "web/kit/app_context.hpp"
#include "web/kit/page.hpp"  // page_not_found, for every page of the exchange

namespace att::web {

// The path parameter `name` as an id, nothing when it is not a whole number of 1 or more.
std::optional<std::int64_t> id_in_path(const HttpRequest& request, const std::string& name);

// A deadline as typed in a form, in UTC: "2026-12-15 17:00", "2026-12-15T17:00:30" or
// "2026-12-15T17:00:30Z"; nothing when it is none of these.
std::optional<Timestamp> deadline_from_form(std::string text);
// The same instant written the way the form's field shows it: "2026-12-15 17:00" (with
// ":30" when it has seconds).
std::string deadline_for_form(const Timestamp& deadline);

// The State a comment speaks for, by its name in `language`; empty for an observer.
std::string state_name(const AppContext& app, Language language, const std::optional<std::string>& iso3);

// One announcement for a list or the top of its page: kind, status, audience and deadline in words.
nlohmann::json announcement_view(const AppContext& app, Language language, const exchange::Announcement& announcement);

// A section's title with its number ("2. Costs"); "General" for a comment on no section.
std::string section_label(const AppContext& app, Language language, const exchange::Announcement& announcement,
                          const std::optional<std::int64_t>& section);

}  // namespace att::web
