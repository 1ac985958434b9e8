// Dates and UTC timestamps written out in the reader's language: "27 November 2026",
// "1er décembre 2026", "27 de noviembre de 2026". The words and the order come from the
// catalogue (dates.*), so a language is added as data.
#pragma once

#include <string>
#include <string_view>

#include "core/timestamp.hpp"
#include "text/catalog.hpp"

namespace att::text {

// "2026-11-27" (or a timestamp starting with it) -> the date in words; anything else unchanged.
std::string format_date(const Catalog& catalog, Language language, std::string_view iso);
// "2026-11-27T06:12:45Z" -> "27 November 2026, 06:12 UTC"; a bare date as format_date.
std::string format_timestamp(const Catalog& catalog, Language language, std::string_view iso);
inline std::string format_timestamp(const Catalog& catalog, Language language, Timestamp instant) {
  return format_timestamp(catalog, language, instant.iso());
}

}  // namespace att::text
