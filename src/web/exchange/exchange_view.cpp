#include "web/exchange/exchange_view.hpp"

#include "text/dates.hpp"
#include "web/kit/guard.hpp"
#include "web/kit/language.hpp"
#include "web/kit/page.hpp"
#include "web/reports/report_paths.hpp"

namespace att::web {

std::optional<std::int64_t> id_in_path(const HttpRequest& request, const std::string& name) {
  return positive_number(request.path_param(name));
}

std::optional<Timestamp> deadline_from_form(std::string text) {
  if (text.size() >= 11 && text[10] == ' ') text[10] = 'T';
  if (text.size() == 16) text += ":00";
  if (text.size() == 19) text += "Z";
  return Timestamp::parse(text);
}

std::string deadline_for_form(const Timestamp& deadline) {
  // Seconds only when there are some, so that sending the form unchanged keeps the deadline.
  const auto iso = deadline.iso();
  auto text = iso.substr(0, iso.substr(17, 2) == "00" ? 16 : 19);
  text[10] = ' ';
  return text;
}

std::string state_name(const AppContext& app, Language language, const std::optional<std::string>& iso3) {
  if (!iso3) return "";
  const auto* state = app.states->find_by_code(*iso3);
  return state ? state->name(language) : *iso3;
}

nlohmann::json announcement_view(const AppContext& app, Language language, const exchange::Announcement& announcement) {
  const auto t = [&](const std::string& key) { return app.catalog.text(language, key); };
  const std::string kind(exchange::to_string(announcement.kind));
  const std::string status(exchange::to_string(announcement.status));
  const std::string audience(auth::to_string(announcement.audience));
  return {
      {"id", std::to_string(announcement.id)},
      {"href", "/announcements/" + std::to_string(announcement.id)},
      {"title", announcement.title},
      {"kind", kind},
      {"kind_label", t("exchange.kinds." + kind)},
      {"is_consultation", announcement.kind == exchange::Kind::consultation},
      {"status", status},
      {"status_label", t("exchange.statuses." + status)},
      {"audience_label", t("exchange.audiences." + audience)},
      {"has_deadline", announcement.deadline.has_value()},
      {"deadline", announcement.deadline ? text::format_timestamp(app.catalog, language, *announcement.deadline) : ""},
      {"published_at", text::format_timestamp(app.catalog, language, announcement.published_at)},
      {"comment_count", std::to_string(announcement.comment_count)}};
}

std::string section_label(const AppContext& app, Language language, const exchange::Announcement& announcement,
                          const std::optional<std::int64_t>& section) {
  if (!section || *section < 1 || *section > static_cast<std::int64_t>(announcement.sections.size()))
    return app.catalog.text(language, "exchange.general_section");
  return std::to_string(*section) + ". " + announcement.sections[static_cast<std::size_t>(*section - 1)];
}

}  // namespace att::web
