// The outbox's instants: ISO 8601 UTC text (2026-11-27T03:26:10Z) read, shifted and written back,
// and the RFC 5322 form a Date: header wants.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace att::mail {

// Exactly YYYY-MM-DDTHH:MM:SSZ, the form utc_timestamp_now() writes; throws std::invalid_argument
// otherwise, because a malformed instant would silently break the text ordering the outbox relies on.
std::chrono::sys_seconds parse_utc_timestamp(std::string_view text);
std::string format_utc_timestamp(std::chrono::sys_seconds instant);
std::string shifted_timestamp(std::string_view text, std::chrono::seconds by);

// "Fri, 27 Nov 2026 03:26:10 +0000"
std::string rfc5322_date(std::chrono::sys_seconds instant);

}  // namespace att::mail
