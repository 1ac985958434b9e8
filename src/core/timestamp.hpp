// An instant in UTC to the second, read and written as ISO 8601 (2026-11-27T03:26:10Z): the form
// every table stores, so that text order is time order.
#pragma once

#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"

namespace att {

class Timestamp {
 public:
  explicit Timestamp(std::chrono::sys_seconds instant) : instant_(instant) {}
  static Timestamp now();
  // The second a clock reading falls in.
  static Timestamp of(std::chrono::system_clock::time_point time) {
    return Timestamp(std::chrono::floor<std::chrono::seconds>(time));
  }
  // Exactly YYYY-MM-DDTHH:MM:SSZ; anything else (a time zone offset, fractions) is nullopt.
  static std::optional<Timestamp> parse(std::string_view text);

  [[nodiscard]] std::string iso() const;
  [[nodiscard]] Date date() const;
  [[nodiscard]] std::chrono::sys_seconds instant() const { return instant_; }
  [[nodiscard]] Timestamp plus(std::chrono::seconds by) const { return Timestamp(instant_ + by); }

  auto operator<=>(const Timestamp&) const = default;

 private:
  std::chrono::sys_seconds instant_;
};

namespace literals {
// "2026-11-27T03:26:10Z"_utc, for instants written in code (tests, fixed dates); a malformed one
// throws std::invalid_argument, as it is a mistake in the code, not in data.
Timestamp operator""_utc(const char* text, std::size_t size);
}  // namespace literals

}  // namespace att
