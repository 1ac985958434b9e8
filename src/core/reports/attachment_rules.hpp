// What an original document attached to a report may be: its kind recognised from its first
// bytes (the client's Content-Type is never trusted), its size limited, its name made safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <tl/expected.hpp>

namespace att::reports {

// The server refuses larger request bodies anyway (web::AppLimits); a file is the whole body.
inline constexpr std::size_t max_attachment_bytes = 8 * 1024 * 1024;
inline constexpr std::size_t max_attachment_name_bytes = 200;

enum class AttachmentProblem {
  empty,               // no bytes at all
  too_large,           // more than max_attachment_bytes
  bad_name,            // not UTF-8, or nothing left once cleaned
  unsupported_type,    // the name's extension is not one of the accepted kinds
  extension_mismatch,  // the extension is accepted, but the bytes are not what it says
};
std::string_view to_string(AttachmentProblem problem);

struct AcceptedAttachment {
  std::string file_name;   // cleaned
  std::string media_type;  // sent back as the Content-Type of downloads
};

// Accepted: PDF, XLSX, DOCX, ODS, ODT, PNG, JPEG, TIFF, and UTF-8 plain text or CSV.
tl::expected<AcceptedAttachment, AttachmentProblem> check_attachment(std::string_view file_name,
                                                                     std::string_view bytes);

// The last segment of a path (browsers on Windows send "C:\...\file.pdf"), without control or
// bidirectional-override characters (which disguise extensions), leading dots, surrounding
// spaces; shortened to max_attachment_name_bytes keeping its extension. nullopt when the name is
// not UTF-8 or nothing usable remains.
std::optional<std::string> clean_file_name(std::string_view name);

}  // namespace att::reports
