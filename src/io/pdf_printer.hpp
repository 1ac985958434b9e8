// HTML to PDF through headless Chromium (`--print-to-pdf`): the same engine that shows the
// printable pages prints them, so a PDF looks like the page a user prints from the browser.
#pragma once

#include <chrono>
#include <semaphore>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

namespace att::io {

struct PdfSettings {
  std::string chromium = "/usr/bin/chromium";
  std::chrono::seconds timeout{60};  // a print that takes longer is stopped and reported
};

struct PdfError {
  enum class Kind { unavailable, busy, failed } kind = Kind::failed;
  std::string message;  // English, for the log
};

class PdfPrinter {
 public:
  explicit PdfPrinter(PdfSettings settings);

  // Whether the browser is installed (PDF export answers "unavailable" otherwise).
  [[nodiscard]] bool available() const;

  // Prints a self-contained HTML document (styles inline, nothing fetched: the page is loaded
  // from a private temporary directory, and its own Content-Security-Policy allows no script). Returns the PDF bytes or what failed.
  // One print runs at a time and a second request is answered `busy` at once rather than
  // queued: a waiting request would hold one of the server's few worker threads.
  tl::expected<std::string, PdfError> print(std::string_view html);

 private:
  PdfSettings settings_;
  std::binary_semaphore running_{1};
};

}  // namespace att::io
