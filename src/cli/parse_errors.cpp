#include "cli/parse_errors.hpp"

#include <regex>
#include <string_view>
#include <vector>

#include "cli/messages.hpp"

namespace att::cli {

namespace {

// A shape of CLI11's English message (2.3, as Debian 12 ships it), the catalogue key that says
// the same, and the names of the regex groups in order.
struct KnownShape {
  std::regex pattern;
  std::string_view key;
  std::vector<std::string> parts;
};

const std::vector<KnownShape>& known_shapes() {
  static const std::vector<KnownShape> shapes = [] {
    const auto shape = [](const char* pattern, std::string_view key, std::vector<std::string> parts) {
      return KnownShape{std::regex(pattern), key, std::move(parts)};
    };
    return std::vector<KnownShape>{
        shape("^A subcommand is required$", "cli.parse.command_needed", {}),
        shape("^(.+): Value (.*) not in range (.+) to (.+)$", "cli.parse.out_of_range",
              {"option", "value", "min", "max"}),
        shape("^(.+): (.*) not in \\{(.*)\\}$", "cli.parse.not_one_of", {"option", "value", "allowed"}),
        shape("^The value (.*) is not an allowed value for (.+)$", "cli.parse.not_one_of", {"value", "option"}),
        shape("^Could not convert: (.+) = (.*)$", "cli.parse.not_convertible", {"option", "value"}),
        shape("^(.+): Value (.*) could not be converted$", "cli.parse.not_convertible", {"option", "value"}),
        shape("^(.+): Failed parsing (.*) as a .*$", "cli.parse.not_convertible", {"option", "value"}),
        shape("^(.+): \\d+ required .* missing$", "cli.parse.value_needed", {"option"}),
        shape("^Expected (?:exactly|at least) \\d+ arguments? to (.+), got \\d+$", "cli.parse.value_needed",
              {"option"}),
        shape("^(.+) is required$", "cli.parse.required", {"option"}),
        shape("^The following arguments? (?:was|were) not expected: (.+)$", "cli.parse.not_expected",
              {"arguments"}),
        shape("^(.+) requires (.+)$", "cli.parse.requires", {"option", "other"}),
        shape("^(.+) excludes (.+)$", "cli.parse.excludes", {"option", "other"}),
        shape("^(.+) not found$", "cli.parse.not_found", {"option"}),
    };
  }();
  return shapes;
}

}  // namespace

std::string parse_error_text(const CLI::ParseError& error) {
  const std::string said = error.what();
  std::smatch match;
  for (const auto& shape : known_shapes()) {
    if (!std::regex_match(said, match, shape.pattern)) continue;
    std::map<std::string, std::string> values;
    for (std::size_t i = 0; i < shape.parts.size(); ++i) values[shape.parts[i]] = match[i + 1].str();
    return message(shape.key, values) + " " + message("cli.parse.see_help");
  }
  // A shape not known (a newer CLI11): its words, framed in the reader's language.
  return message("cli.parse.other", {{"detail", said}}) + " " + message("cli.parse.see_help");
}

}  // namespace att::cli
