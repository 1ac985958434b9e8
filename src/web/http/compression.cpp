#include "web/http/compression.hpp"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <functional>
#include <stdexcept>

namespace att::web {

namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::string lower(std::string_view text) {
  std::string result(text);
  for (auto& c : result) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return result;
}

// The q value of one Accept-Encoding element ("gzip;q=0.5"); 1 when absent, 0 when unreadable.
double quality(std::string_view parameters) {
  while (!parameters.empty()) {
    const auto end = parameters.find(';');
    const auto parameter = trim(parameters.substr(0, end));
    if (parameter.size() > 2 && (parameter[0] == 'q' || parameter[0] == 'Q') && parameter[1] == '=') {
      const auto value = parameter.substr(2);
      // "0", "0.5", "1", "1.000": read without locale-dependent parsing.
      double q = 0;
      double scale = 1;
      bool fraction = false;
      for (const char c : value) {
        if (c == '.' && !fraction) {
          fraction = true;
        } else if (c >= '0' && c <= '9') {
          if (fraction) {
            scale /= 10;
            q += (c - '0') * scale;
          } else {
            q = q * 10 + (c - '0');
          }
        } else {
          return 0;
        }
      }
      return q;
    }
    if (end == std::string_view::npos) break;
    parameters.remove_prefix(end + 1);
  }
  return 1;
}

std::string quoted_tag(std::string_view plain_tag, std::string_view suffix) {
  // "1234" -> "1234-gzip"
  std::string tag(plain_tag);
  if (tag.size() >= 2 && tag.back() == '"') tag.insert(tag.size() - 1, suffix);
  return tag;
}

// If-None-Match holds "*" or a comma-separated list of tags.
bool names_tag(std::string_view list, std::string_view tag) {
  while (!list.empty()) {
    const auto end = list.find(',');
    const auto element = trim(list.substr(0, end));
    if (element == tag || element == "*") return true;
    if (end == std::string_view::npos) break;
    list.remove_prefix(end + 1);
  }
  return false;
}

}  // namespace

std::string gzip(std::string_view plain) {
  z_stream stream{};
  // 15 window bits + 16: a gzip header and trailer instead of zlib's.
  if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("zlib: deflateInit2 failed");
  std::string out(deflateBound(&stream, static_cast<uLong>(plain.size())), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(plain.data()));
  stream.avail_in = static_cast<uInt>(plain.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int result = deflate(&stream, Z_FINISH);
  const auto written = stream.total_out;
  deflateEnd(&stream);
  if (result != Z_STREAM_END) throw std::runtime_error("zlib: deflate did not finish");
  out.resize(written);
  return out;
}

std::optional<std::string> gunzip(std::string_view compressed) {
  z_stream stream{};
  if (inflateInit2(&stream, 15 + 16) != Z_OK) return std::nullopt;
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(compressed.size());
  std::string out;
  char chunk[16384];
  int result = Z_OK;
  while (result == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(chunk);
    stream.avail_out = sizeof chunk;
    result = inflate(&stream, Z_NO_FLUSH);
    if (result != Z_OK && result != Z_STREAM_END) break;
    out.append(chunk, sizeof chunk - stream.avail_out);
    if (result == Z_OK && stream.avail_in == 0 && stream.avail_out != 0) {
      result = Z_DATA_ERROR;  // truncated
    }
  }
  const bool whole = result == Z_STREAM_END && stream.avail_in == 0;
  inflateEnd(&stream);
  if (!whole) return std::nullopt;
  return out;
}

bool accepts_gzip(const HttpRequest& request) {
  const auto header = request.header("accept-encoding");
  if (!header) return false;
  std::string_view rest = *header;
  double gzip_q = -1, any_q = -1;
  while (!rest.empty()) {
    const auto end = rest.find(',');
    const auto element = trim(rest.substr(0, end));
    const auto semicolon = element.find(';');
    const auto coding = lower(trim(element.substr(0, semicolon)));
    const double q = semicolon == std::string_view::npos ? 1.0 : quality(element.substr(semicolon + 1));
    if (coding == "gzip" || coding == "x-gzip") gzip_q = std::max(gzip_q, q);
    if (coding == "*") any_q = q;
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
  if (gzip_q >= 0) return gzip_q > 0;
  return any_q > 0;
}

EncodedBody EncodedBody::of(std::string plain) {
  EncodedBody body;
  body.etag = "\"" + std::to_string(std::hash<std::string>{}(plain)) + "\"";
  auto compressed = gzip(plain);
  if (compressed.size() < plain.size()) body.gzipped = std::move(compressed);
  body.plain = std::move(plain);
  return body;
}

void set_encoded_body(const HttpRequest& request, const EncodedBody& body, HttpResponse& response) {
  const bool compressed = !body.gzipped.empty() && accepts_gzip(request);
  const auto etag = compressed ? quoted_tag(body.etag, "-gzip") : body.etag;
  response.set_header("Vary", "Accept-Encoding");
  response.set_header("ETag", etag);
  if (const auto asked = request.header("if-none-match"); asked && names_tag(*asked, etag)) {
    response.status = 304;
    response.body.clear();
    return;
  }
  if (compressed) {
    response.set_header("Content-Encoding", "gzip");
    response.body = body.gzipped;
  } else {
    response.body = body.plain;
  }
}

}  // namespace att::web
