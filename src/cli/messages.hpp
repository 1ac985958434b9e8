// What `att` says to a person (confirmations, summaries, errors), from the same strings
// catalogue as the web pages. The language is ATT_LANG (en, fr or es), English otherwise; the
// catalogue is read from ATT_WEB_DIR/i18n, else the web folder att was built with. Machine
// output (CSV, JSON, tables' column names) is never translated.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "core/problem.hpp"
#include "text/catalog.hpp"

namespace att::cli {

// The message `key` ("cli.import_done") with its {placeholders} filled.
std::string message(std::string_view key, const std::map<std::string, std::string>& values = {});
// The catalogue the messages come from, for mails `att` queues (each in its recipient's language).
const text::Catalog& catalog();
// An import or validation problem, by the one renderer of problems (text/problem_text).
std::string message(const Problem& problem);
// "file:12: error: partner_state: Unknown State “Frnace”. Did you mean: FRA?" (no line number
// for a problem of the whole file) ...
std::string located_problem(const std::string& file, const Problem& problem);
// ... on standard error.
void print_problem(const std::string& file, const Problem& problem);
// A decimal ("76.9") written the reader's way ("76,9" in French).
std::string number(std::string_view decimal);

}  // namespace att::cli
