#include "web/kit/request_params.hpp"

#include <set>

#include "web/http/api_errors.hpp"

namespace att::web {

namespace {

std::optional<std::string> non_empty(const HttpRequest& request, std::string_view name) {
  auto value = request.query(name);
  if (!value || value->empty()) return std::nullopt;
  return value;
}

}  // namespace

// Echoed values are cut short so that a huge parameter cannot make a huge error.
std::string shown(const std::string& value) {
  if (value.size() <= 40) return value;
  std::size_t cut = 40;
  while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 sequence
  return value.substr(0, cut) + "…";
}

HttpResponse bad_parameter(const ParamError& error) {
  return api_error(400, error.code, error.message, {{"parameter", error.parameter}});
}

tl::expected<std::optional<Date>, ParamError> date_param(const HttpRequest& request, const AppContext& app,
                                                         Language language, const std::string& name,
                                                         const std::string& shown_as) {
  const auto text = non_empty(request, name);
  if (!text) return std::nullopt;
  const auto date = Date::parse(*text);
  if (date) return *date;
  const bool malformed = date.error() == DateError::malformed;
  const auto key = malformed ? "errors.date_malformed" : "errors.date_impossible";
  return tl::unexpected(ParamError{name, malformed ? "invalid_date" : "impossible_date",
                                   app.catalog.text(language, key, {{"param", shown_as}, {"value", shown(*text)}})});
}

tl::expected<Date, ParamError> as_of_param(const HttpRequest& request, const AppContext& app, Language language,
                                           const std::string& shown_as) {
  return date_param(request, app, language, "as_of", shown_as).map([](std::optional<Date> date) {
    return date.value_or(today_utc());
  });
}

tl::expected<std::optional<Participation>, ParamError> status_param(const HttpRequest& request, const AppContext& app,
                                                                    Language language) {
  const auto text = non_empty(request, "status");
  if (!text) return std::nullopt;
  if (const auto status = participation_from_string(*text)) return status;
  return tl::unexpected(ParamError{"status", "invalid_status",
                                   app.catalog.text(language, "errors.status_unknown", {{"value", shown(*text)}})});
}

tl::expected<std::optional<std::string>, ParamError> region_param(const HttpRequest& request, const AppContext& app,
                                                                  Language language) {
  const auto text = non_empty(request, "region");
  if (!text) return std::nullopt;
  std::set<std::string> regions;
  for (const auto& state : app.states->states()) regions.insert(state.region);
  if (regions.contains(*text)) return text;
  std::string known;
  for (const auto& region : regions) known += (known.empty() ? "" : ", ") + region;
  return tl::unexpected(ParamError{"region", "invalid_region",
                                   app.catalog.text(language, "errors.region_unknown",
                                                    {{"value", shown(*text)}, {"known", known}})});
}

io::CsvFor csv_reader_param(const HttpRequest& request) {
  return request.query("csv") == "raw" ? io::CsvFor::machines : io::CsvFor::people;
}

}  // namespace att::web
