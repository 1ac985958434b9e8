// ISO 8601 UTC timestamps read and written exactly, and the RFC 5322 date form.
#include "mail/timestamp.hpp"

#include <charconv>
#include <cstdio>
#include <stdexcept>

namespace att::mail {

namespace {

// The unsigned number in text[at, at + count), or -1 when those are not all digits.
int digits(std::string_view text, std::size_t at, std::size_t count) {
  int value = 0;
  const char* begin = text.data() + at;
  const auto [end, error] = std::from_chars(begin, begin + count, value);
  if (error != std::errc{} || end != begin + count || *begin < '0' || *begin > '9') return -1;
  return value;
}

}  // namespace

std::chrono::sys_seconds parse_utc_timestamp(std::string_view text) {
  const auto malformed = [&] {
    return std::invalid_argument("'" + std::string(text) + "' is not a timestamp like 2026-11-27T03:26:10Z");
  };
  if (text.size() != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
      text[19] != 'Z')
    throw malformed();
  const int fields[] = {digits(text, 0, 4),  digits(text, 5, 2),  digits(text, 8, 2),
                        digits(text, 11, 2), digits(text, 14, 2), digits(text, 17, 2)};
  for (const int field : fields)
    if (field < 0) throw malformed();
  const std::chrono::year_month_day day{std::chrono::year{fields[0]},
                                        std::chrono::month{static_cast<unsigned>(fields[1])},
                                        std::chrono::day{static_cast<unsigned>(fields[2])}};
  const int hours = fields[3];
  const int minutes = fields[4];
  const int seconds = fields[5];
  if (!day.ok() || hours > 23 || minutes > 59 || seconds > 59) throw malformed();
  return std::chrono::sys_days{day} + std::chrono::hours{hours} + std::chrono::minutes{minutes} +
         std::chrono::seconds{seconds};
}

std::string format_utc_timestamp(std::chrono::sys_seconds instant) {
  const auto day = std::chrono::floor<std::chrono::days>(instant);
  const std::chrono::year_month_day date{day};
  const std::chrono::hh_mm_ss time{instant - day};
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                static_cast<int>(time.seconds().count()));
  return buffer;
}

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
