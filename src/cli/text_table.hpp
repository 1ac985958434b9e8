// Rows printed as aligned columns for a terminal (widths counted in characters, not bytes), and
// the date options every command reads the same way.
#pragma once

#include <string>
#include <vector>

#include "core/date.hpp"

namespace att::cli {

void print_text_table(const std::vector<std::string>& headings, const std::vector<std::vector<std::string>>& rows);

// The date given to `option` ("--as-of"), or today (UTC) when it is empty; a UsageError in the
// reader's language otherwise.
Date date_option(const std::string& option, const std::string& text);

}  // namespace att::cli
