#include "auth/qr_code.hpp"

#include <qrencode.h>

#include <cerrno>
#include <memory>
#include <new>

namespace att::auth {

namespace {

constexpr int quiet_zone = 4;

struct QrFree {
  void operator()(QRcode* code) const { QRcode_free(code); }
};

}  // namespace

std::string qr_svg(std::string_view text) {
  if (text.empty()) return {};
  // encodeData rather than encodeString8bit: the same 8-bit mode, but it takes a length, so the text need not
  // be NUL-terminated and may not be cut short at an embedded NUL.
  errno = 0;
  const std::unique_ptr<QRcode, QrFree> code(QRcode_encodeData(
      static_cast<int>(text.size()), reinterpret_cast<const unsigned char*>(text.data()), 0, QR_ECLEVEL_M));
  if (!code) {
    if (errno == ENOMEM) throw std::bad_alloc();
    return {};
  }

  const int width = code->width;
  const std::string size = std::to_string(width + 2 * quiet_zone);
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size +
                    "\" shape-rendering=\"crispEdges\">";
  // An explicit light background: on a dark page a transparent code would be inverted and often unreadable.
  svg += "<rect width=\"" + size + "\" height=\"" + size + "\" fill=\"#fff\"/>";
  svg += "<path fill=\"#000\" d=\"";
  // One rectangle per horizontal run of dark modules keeps the path a few kilobytes even for large codes.
  for (int y = 0; y < width; ++y) {
    int x = 0;
    while (x < width) {
      if ((code->data[y * width + x] & 1) == 0) {
        ++x;
        continue;
      }
      const int start = x;
      while (x < width && (code->data[y * width + x] & 1) != 0) ++x;
      svg += "M" + std::to_string(start + quiet_zone) + " " + std::to_string(y + quiet_zone) + "h" +
             std::to_string(x - start) + "v1h-" + std::to_string(x - start) + "z";
    }
  }
  svg += "\"/></svg>";
  return svg;
}

}  // namespace att::auth
