// The parts of report URLs that the API and the pages share: the year segment with an optional
// format ("2022", "2022.csv", "2022.pdf") and the ?version=N parameter.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "web/http/http.hpp"

namespace att::web {

// A whole number of 1 or more written in decimal digits only (a version, an id), or nothing.
std::optional<std::int64_t> positive_number(std::string_view text);

// A four-digit year, or nothing.
std::optional<int> reporting_year(std::string_view text);

struct YearSegment {
  int year = 0;
  std::string format;  // "" for the document itself, else what follows the dot: "csv", "pdf"
};
std::optional<YearSegment> year_segment(std::string_view segment);

// ?version=N: no version (the current one) when absent or empty; the bad text when it is not
// a positive whole number.
struct VersionParam {
  std::optional<std::int64_t> number;
  std::optional<std::string> invalid;
};
VersionParam version_param(const HttpRequest& request);

}  // namespace att::web
