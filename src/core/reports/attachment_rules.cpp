#include "core/reports/attachment_rules.hpp"

#include <algorithm>

#include "core/utf8.hpp"

namespace att::reports {

namespace {

enum class Signature { pdf, zip, png, jpeg, tiff, text, unknown };

struct AcceptedKind {
  Signature signature;
  std::string_view extension;
  std::string_view media_type;
};

// Office documents are all zip archives: for them the extension decides which one it is.
constexpr AcceptedKind accepted_kinds[] = {
    {Signature::pdf, "pdf", "application/pdf"},
    {Signature::zip, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    {Signature::zip, "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    {Signature::zip, "ods", "application/vnd.oasis.opendocument.spreadsheet"},
    {Signature::zip, "odt", "application/vnd.oasis.opendocument.text"},
    {Signature::png, "png", "image/png"},
    {Signature::jpeg, "jpg", "image/jpeg"},
    {Signature::jpeg, "jpeg", "image/jpeg"},
    {Signature::tiff, "tif", "image/tiff"},
    {Signature::tiff, "tiff", "image/tiff"},
    {Signature::text, "txt", "text/plain; charset=utf-8"},
    {Signature::text, "csv", "text/csv; charset=utf-8"},
};

bool starts_with(std::string_view bytes, std::string_view magic) { return bytes.substr(0, magic.size()) == magic; }

// UTF-8 without NULs or control characters other than tab, line breaks and form feed.
bool is_plain_text(std::string_view bytes) {
  if (starts_with(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
  const bool controls = std::any_of(bytes.begin(), bytes.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return (byte < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || byte == 0x7F;
  });
  return !controls && is_utf8(bytes);
}

Signature signature_of(std::string_view bytes) {
  using namespace std::string_view_literals;
  if (starts_with(bytes, "%PDF-")) return Signature::pdf;
  if (starts_with(bytes, "PK\x03\x04"sv)) return Signature::zip;
  if (starts_with(bytes, "\x89PNG\r\n\x1A\n"sv)) return Signature::png;
  if (starts_with(bytes, "\xFF\xD8\xFF"sv)) return Signature::jpeg;
  if (starts_with(bytes, "II*\0"sv) || starts_with(bytes, "MM\0*"sv)) return Signature::tiff;
  if (is_plain_text(bytes)) return Signature::text;
  return Signature::unknown;
}

std::string extension_of(std::string_view name) {
  const auto dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  std::string extension(name.substr(dot + 1));
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  return extension;
}

// Characters that print nothing but can change how a name is read: C0 and C1 controls, DEL,
// directional marks and overrides ("invoice\u202Efdp.exe" shows as "invoiceexe.pdf"), BOM.
bool is_hidden_control(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
}

// Cut at a character boundary so that the name with its extension fits the limit.
std::string shortened(const std::string& name) {
  if (name.size() <= max_attachment_name_bytes) return name;
  const auto dot = name.rfind('.');
  const std::string extension = dot != std::string::npos && name.size() - dot <= 16 ? name.substr(dot) : "";
  const std::string_view stem(name.data(), name.size() - extension.size());
  std::string result;
  for (std::size_t at = 0; at < stem.size();) {
    const auto point = code_point_at(stem, at);
    if (!point || result.size() + point->length + extension.size() > max_attachment_name_bytes) break;
    result.append(stem.substr(at, point->length));
    at += point->length;
  }
  return result + extension;
}

}  // namespace

std::string_view to_string(AttachmentProblem problem) {
  switch (problem) {
    case AttachmentProblem::empty: return "empty";
    case AttachmentProblem::too_large: return "too_large";
    case AttachmentProblem::bad_name: return "bad_name";
    case AttachmentProblem::unsupported_type: return "unsupported_type";
    case AttachmentProblem::extension_mismatch: return "extension_mismatch";
  }
  return "unknown";
}

std::optional<std::string> clean_file_name(std::string_view name) {
  if (!is_utf8(name)) return std::nullopt;
  if (const auto separator = name.find_last_of("/\\"); separator != std::string_view::npos)
    name.remove_prefix(separator + 1);
  std::string kept;
  for (std::size_t at = 0; at < name.size();) {
    const auto point = code_point_at(name, at);
    if (!is_hidden_control(point->value)) kept.append(name.substr(at, point->length));
    at += point->length;
  }
  // Leading dots would make a hidden file; trailing dots and spaces are dropped by Windows anyway.
  const auto first = kept.find_first_not_of(". ");
  if (first == std::string::npos) return std::nullopt;
  const auto last = kept.find_last_not_of(". ");
  return shortened(kept.substr(first, last - first + 1));
}

tl::expected<AcceptedAttachment, AttachmentProblem> check_attachment(std::string_view file_name,
                                                                     std::string_view bytes) {
  if (bytes.empty()) return tl::unexpected(AttachmentProblem::empty);
  if (bytes.size() > max_attachment_bytes) return tl::unexpected(AttachmentProblem::too_large);
  auto name = clean_file_name(file_name);
  if (!name) return tl::unexpected(AttachmentProblem::bad_name);
  const auto extension = extension_of(*name);
  const auto named = [&](const AcceptedKind& kind) { return kind.extension == extension; };
  const auto* kind = std::find_if(std::begin(accepted_kinds), std::end(accepted_kinds), named);
  if (kind == std::end(accepted_kinds)) return tl::unexpected(AttachmentProblem::unsupported_type);
  if (kind->signature != signature_of(bytes)) return tl::unexpected(AttachmentProblem::extension_mismatch);
  return AcceptedAttachment{std::move(*name), std::string(kind->media_type)};
}

}  // namespace att::reports
