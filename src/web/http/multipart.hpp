// multipart/form-data bodies (RFC 7578), as a browser posts a form with a file input and no
// script: the parts with their field name, the file's name when the part is a file, and the
// bytes. Whatever does not follow the format gives nullopt, never a partial reading.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace att::web {

struct FormPart {
  std::string name;
  std::optional<std::string> file_name;  // set for a file input, even when no file was chosen ("")
  std::string content;
};

// `content_type`: the request's Content-Type header, which carries the boundary.
std::optional<std::vector<FormPart>> parse_multipart(std::string_view content_type, std::string_view body);

// Whether the Content-Type names a multipart/form-data body.
bool is_multipart(std::string_view content_type);

}  // namespace att::web
