// ISO 8601 UTC timestamps read and written exactly, and the RFC 5322 date form.
#include "mail/timestamp.hpp"

#include "core/timestamp.hpp"

#include <cstdio>
#include <stdexcept>

namespace att::mail {

std::chrono::sys_seconds parse_utc_timestamp(std::string_view text) {
  const auto parsed = Timestamp::parse(text);
  if (!parsed) throw std::invalid_argument("'" + std::string(text) + "' is not a timestamp like 2026-11-27T03:26:10Z");
  return parsed->instant();
}

std::string format_utc_timestamp(std::chrono::sys_seconds instant) { return Timestamp(instant).iso(); }

std::string shifted_timestamp(std::string_view text, std::chrono::seconds by) {
  return format_utc_timestamp(parse_utc_timestamp(text) + by);
}

std::string rfc5322_date(std::chrono::sys_seconds instant) {
  // English names whatever the locale: the header grammar fixes them.
  static constexpr const char* weekdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const auto day = std::chrono::floor<std::chrono::days>(instant);
  const std::chrono::year_month_day date{day};
  const std::chrono::weekday weekday{day};
  const std::chrono::hh_mm_ss time{instant - day};
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%s, %02u %s %04d %02d:%02d:%02d +0000", weekdays[weekday.c_encoding()],
                static_cast<unsigned>(date.day()), months[static_cast<unsigned>(date.month()) - 1],
                static_cast<int>(date.year()), static_cast<int>(time.hours().count()),
                static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count()));
  return buffer;
}

}  // namespace att::mail
