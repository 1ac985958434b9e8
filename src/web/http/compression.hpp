// gzip for response bodies: the encoding itself (zlib) and whether a request accepts it.
// Bodies that are served again and again (the States list, the static files) are compressed
// once and kept, so no request pays for compression.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "web/http/http.hpp"

namespace att::web {

// A gzip member (RFC 1952) holding `plain`, at zlib's best compression.
std::string gzip(std::string_view plain);
// The content of a gzip member; nullopt if `compressed` is not one.
std::optional<std::string> gunzip(std::string_view compressed);

// True when the request's Accept-Encoding allows gzip (`gzip`, `x-gzip` or `*`, with q > 0).
bool accepts_gzip(const HttpRequest& request);

// A body kept in both forms. `gzipped` is empty when compression would not make it smaller.
struct EncodedBody {
  std::string plain;
  std::string gzipped;
  std::string etag;  // of the plain body; the gzip form's tag is derived from it

  static EncodedBody of(std::string plain);
};

// Fills `response` with the form of `body` the request accepts (gzip when it is accepted and
// smaller), with `Vary: Accept-Encoding` and an ETag per form; answers 304 when the request's
// If-None-Match names that form's tag.
void set_encoded_body(const HttpRequest& request, const EncodedBody& body, HttpResponse& response);

}  // namespace att::web
