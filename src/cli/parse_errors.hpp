// What att says when its command line cannot be read, in the reader's language: CLI11 words its
// errors in English, so each known shape is recognised and its parts (the option, the value, the
// allowed values) are put into the catalogue's sentence. Help and --version stay CLI11's.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

namespace att::cli {

// One line without the "att: " prefix, e.g. "--year: 1999 is not between 2014 and 9999".
std::string parse_error_text(const CLI::ParseError& error);

}  // namespace att::cli
