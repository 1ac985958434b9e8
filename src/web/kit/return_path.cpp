#include "web/kit/return_path.hpp"

#include <algorithm>
#include <vector>

#include "web/http/http.hpp"

namespace att::web {

namespace {

constexpr std::size_t max_length = 500;

// Browsers drop tabs and newlines from a URL wherever they are and read a backslash as a slash:
// "/\t/evil.example" is "//evil.example", another site. Any control character, or a space
// written as such, is refused with them.
bool has_forbidden_character(std::string_view text, bool space_allowed) {
  return std::any_of(text.begin(), text.end(), [&](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 || byte == 0x7f || c == '\\' || (c == ' ' && !space_allowed);
  });
}

// Decoded until nothing changes, so that no layer of encoding hides one of the characters above
// from the check (bounded: each round shortens the text).
std::string fully_decoded(std::string_view text) {
  std::string decoded(text);
  for (int round = 0; round < 5; ++round) {
    auto next = percent_decode(decoded, false);
    if (next == decoded) break;
    decoded = std::move(next);
  }
  return decoded;
}

// The path part with "." and ".." segments resolved, as RFC 3986 and the URL standard do.
std::string without_dot_segments(std::string_view path) {
  std::vector<std::string_view> segments;
  std::size_t start = 1;  // after the leading '/'
  while (start <= path.size()) {
    const auto end = std::min(path.find('/', start), path.size());
    const auto segment = path.substr(start, end - start);
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (segment != ".") {
      segments.push_back(segment);
    }
    start = end + 1;
  }
  std::string result;
  for (const auto segment : segments) result += "/" + std::string(segment);
  return result.empty() ? "/" : result;
}

}  // namespace

bool is_same_origin_path(std::string_view candidate) {
  if (candidate.size() < 2 || candidate.size() >= max_length || candidate.front() != '/') return false;
  // Raw, a space is not allowed in a Location; encoded (%20), it is plain data in a query.
  if (has_forbidden_character(candidate, false)) return false;
  const auto decoded = fully_decoded(candidate);
  if (has_forbidden_character(decoded, true)) return false;
  // "/%2f/host" or "/.//host" would leave "//host" to whoever normalises the path next.
  const auto path = std::string_view(decoded).substr(0, decoded.find_first_of("?#"));
  return without_dot_segments(path).rfind("//", 0) != 0;
}

std::string safe_return_path(std::string_view candidate) {
  return is_same_origin_path(candidate) ? std::string(candidate) : "/account";
}

}  // namespace att::web
