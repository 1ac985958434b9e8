// A calendar date (no time of day, no time zone): what every treaty rule is counted in.
#pragma once

#include <chrono>
#include <compare>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

namespace att {

enum class DateError {
  malformed,   // not of the form YYYY-MM-DD
  impossible,  // well formed but no such day (2023-02-30)
};

class Date {
 public:
  // Strict ISO 8601 calendar date: exactly YYYY-MM-DD, years 1900..2999.
  static tl::expected<Date, DateError> parse(std::string_view text);
  static Date from_ymd(int year, unsigned month, unsigned day);
  static Date from_sys_days(std::chrono::sys_days days) { return Date{days}; }

  [[nodiscard]] std::string iso() const;
  [[nodiscard]] int year() const;
  [[nodiscard]] unsigned month() const;
  [[nodiscard]] unsigned day() const;
  [[nodiscard]] Date plus_days(int days) const;
  [[nodiscard]] Date plus_years(int years) const;  // 29 Feb moves to 28 Feb
  [[nodiscard]] int days_until(Date later) const;

  auto operator<=>(const Date&) const = default;

 private:
  explicit Date(std::chrono::sys_days days) : days_(days) {}
  std::chrono::sys_days days_;
};

// Today's date in UTC. Core rules never call it: callers pass an explicit as-of date.
Date today_utc();
// An instant as ISO 8601 UTC with seconds: 2026-11-27T03:26:10Z (sorts as text in time order).
std::string utc_timestamp(std::chrono::system_clock::time_point time);

}  // namespace att
