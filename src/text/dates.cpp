#include "text/dates.hpp"

#include "core/date.hpp"

namespace att::text {

std::string format_date(const Catalog& catalog, Language language, std::string_view iso) {
  const auto date = Date::parse(iso.substr(0, 10));
  if (!date) return std::string(iso);
  const auto day = date->day();
  return catalog.text(language, "dates.pattern",
                      {{"day", day == 1 ? catalog.text(language, "dates.first_day") : std::to_string(day)},
                       {"month", catalog.text(language, "dates.months." + std::to_string(date->month()))},
                       {"year", std::to_string(date->year())}});
}

std::string format_timestamp(const Catalog& catalog, Language language, std::string_view iso) {
  const auto date = format_date(catalog, language, iso);
  // "YYYY-MM-DDTHH:MM": the time is shown to the minute, in UTC as stored.
  if (iso.size() < 16 || iso[10] != 'T' || date == iso) return date;
  return catalog.text(language, "dates.time_pattern", {{"date", date}, {"time", std::string(iso.substr(11, 5))}});
}

}  // namespace att::text
