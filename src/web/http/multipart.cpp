#include "web/http/multipart.hpp"

#include <algorithm>
#include <cctype>

namespace att::web {

namespace {

std::string lower(std::string_view text) {
  std::string result(text);
  std::transform(result.begin(), result.end(), result.begin(), [](unsigned char c) { return std::tolower(c); });
  return result;
}

// A parameter of a header value: boundary=…, name="…", filename="…" (quoted or not).
std::optional<std::string> parameter(std::string_view header_value, std::string_view key) {
  std::size_t at = 0;
  while ((at = header_value.find(';', at)) != std::string_view::npos) {
    ++at;
    while (at < header_value.size() && header_value[at] == ' ') ++at;
    const auto equals = header_value.find('=', at);
    if (equals == std::string_view::npos) return std::nullopt;
    const auto name = lower(header_value.substr(at, equals - at));
    auto rest = header_value.substr(equals + 1);
    std::string value;
    if (!rest.empty() && rest.front() == '"') {
      const auto close = rest.find('"', 1);
      if (close == std::string_view::npos) return std::nullopt;
      value = std::string(rest.substr(1, close - 1));
    } else {
      value = std::string(rest.substr(0, rest.find(';')));
    }
    if (name == key) return value;
  }
  return std::nullopt;
}

}  // namespace

bool is_multipart(std::string_view content_type) {
  return lower(content_type.substr(0, content_type.find(';'))) == "multipart/form-data";
}

std::optional<std::vector<FormPart>> parse_multipart(std::string_view content_type, std::string_view body) {
  if (!is_multipart(content_type)) return std::nullopt;
  const auto boundary = parameter(content_type, "boundary");
  if (!boundary || boundary->empty() || boundary->size() > 200) return std::nullopt;
  const auto delimiter = "--" + *boundary;
  if (body.substr(0, delimiter.size()) != delimiter) return std::nullopt;
  std::vector<FormPart> parts;
  auto position = delimiter.size();
  while (true) {
    // After a delimiter: "--" ends the body, CRLF starts a part.
    if (body.substr(position, 2) == "--") return parts;
    if (body.substr(position, 2) != "\r\n") return std::nullopt;
    position += 2;
    const auto headers_end = body.find("\r\n\r\n", position);
    if (headers_end == std::string_view::npos) return std::nullopt;
    FormPart part;
    bool named = false;
    for (auto line_start = position; line_start < headers_end;) {
      const auto line_end = std::min(body.find("\r\n", line_start), headers_end);
      const auto line = body.substr(line_start, line_end - line_start);
      const auto colon = line.find(':');
      if (colon != std::string_view::npos && lower(line.substr(0, colon)) == "content-disposition") {
        const auto value = line.substr(colon + 1);
        if (const auto name = parameter(value, "name")) {
          part.name = *name;
          named = true;
        }
        part.file_name = parameter(value, "filename");
      }
      line_start = line_end + 2;
    }
    if (!named) return std::nullopt;
    const auto content_start = headers_end + 4;
    const auto next = body.find("\r\n" + delimiter, content_start);
    if (next == std::string_view::npos) return std::nullopt;
    part.content = std::string(body.substr(content_start, next - content_start));
    parts.push_back(std::move(part));
    position = next + 2 + delimiter.size();
  }
}

}  // namespace att::web
