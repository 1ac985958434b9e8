#include "core/date.hpp"

#include "core/timestamp.hpp"

#include <cstdio>

namespace att {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int digits(std::string_view text, std::size_t from, std::size_t count) {
  int value = 0;
  for (std::size_t i = from; i < from + count; ++i) value = value * 10 + (text[i] - '0');
  return value;
}

}  // namespace

tl::expected<Date, DateError> Date::parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return tl::unexpected(DateError::malformed);
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!is_digit(text[i])) return tl::unexpected(DateError::malformed);
  }
  const int year = digits(text, 0, 4);
  const int month = digits(text, 5, 2);
  const int day = digits(text, 8, 2);
  if (year < 1900 || year > 2999) return tl::unexpected(DateError::impossible);
  const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                                        std::chrono::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) return tl::unexpected(DateError::impossible);
  return Date{std::chrono::sys_days{ymd}};
}

Date Date::from_ymd(int year, unsigned month, unsigned day) {
  return Date{std::chrono::sys_days{std::chrono::year{year} / std::chrono::month{month} / std::chrono::day{day}}};
}

std::string Date::iso() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", year(), month(), day());
  return buffer;
}

int Date::year() const { return static_cast<int>(std::chrono::year_month_day{days_}.year()); }
unsigned Date::month() const { return static_cast<unsigned>(std::chrono::year_month_day{days_}.month()); }
unsigned Date::day() const { return static_cast<unsigned>(std::chrono::year_month_day{days_}.day()); }

Date Date::plus_days(int days) const { return Date{days_ + std::chrono::days{days}}; }

Date Date::plus_years(int years) const {
  auto ymd = std::chrono::year_month_day{days_} + std::chrono::years{years};
  if (!ymd.ok()) ymd = ymd.year() / ymd.month() / std::chrono::last;
  return Date{std::chrono::sys_days{ymd}};
}

int Date::days_until(Date later) const { return static_cast<int>((later.days_ - days_).count()); }

Date today_utc() { return Date::from_sys_days(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())); }

std::string utc_timestamp(std::chrono::system_clock::time_point time) {
  return Timestamp(std::chrono::floor<std::chrono::seconds>(time)).iso();
}

}  // namespace att
