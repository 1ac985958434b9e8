// QR codes as inline SVG, for the second-factor set-up page: the app scans the otpauth:// URI from the screen.
#pragma once

#include <string>
#include <string_view>

namespace att::auth {

// A self-contained SVG (no scripts, no external references, safe to inline in HTML) encoding `text` as 8-bit
// data at error-correction level M, on a white square with the 4-module quiet zone readers need; it scales to
// whatever size CSS gives it. Empty when `text` is empty or too long for any QR code (about 2 300 bytes).
std::string qr_svg(std::string_view text);

}  // namespace att::auth
