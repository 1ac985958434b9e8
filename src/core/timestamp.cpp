#include "core/timestamp.hpp"

#include <stdexcept>

#include <charconv>
#include <cstdio>

namespace att {

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

Timestamp Timestamp::now() {
  return Timestamp(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

std::optional<Timestamp> Timestamp::parse(std::string_view text) {
  if (text.size() != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
      text[19] != 'Z')
    return std::nullopt;
  const int fields[] = {digits(text, 0, 4),  digits(text, 5, 2),  digits(text, 8, 2),
                        digits(text, 11, 2), digits(text, 14, 2), digits(text, 17, 2)};
  for (const int field : fields)
    if (field < 0) return std::nullopt;
  const std::chrono::year_month_day day{std::chrono::year{fields[0]},
                                        std::chrono::month{static_cast<unsigned>(fields[1])},
                                        std::chrono::day{static_cast<unsigned>(fields[2])}};
  if (!day.ok() || fields[3] > 23 || fields[4] > 59 || fields[5] > 59) return std::nullopt;
  return Timestamp(std::chrono::sys_days{day} + std::chrono::hours{fields[3]} + std::chrono::minutes{fields[4]} +
                   std::chrono::seconds{fields[5]});
}

std::string Timestamp::iso() const {
  const auto day = std::chrono::floor<std::chrono::days>(instant_);
  const std::chrono::year_month_day date{day};
  const std::chrono::hh_mm_ss time{instant_ - day};
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                static_cast<int>(time.seconds().count()));
  return buffer;
}

Date Timestamp::date() const { return Date::from_sys_days(std::chrono::floor<std::chrono::days>(instant_)); }

namespace literals {
Timestamp operator""_utc(const char* text, std::size_t size) {
  if (const auto parsed = Timestamp::parse({text, size})) return *parsed;
  throw std::invalid_argument("'" + std::string(text, size) + "' is not like 2026-11-27T03:26:10Z");
}
}  // namespace literals

}  // namespace att
