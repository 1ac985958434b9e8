// The RFC 5322 form of an instant that a Date: header wants.
#pragma once

#include <chrono>
#include <string>

namespace att::mail {

// "Fri, 27 Nov 2026 03:26:10 +0000"
std::string rfc5322_date(std::chrono::sys_seconds instant);

}  // namespace att::mail
