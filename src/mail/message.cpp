// RFC 5322 / MIME rendering: headers, RFC 2047 encoded-words, body transfer encoding.
#include "mail/message.hpp"

#include <algorithm>
#include <cstdio>
#include <random>

#include "mail/timestamp.hpp"

namespace att::mail {

namespace {

// RFC 5321 4.5.3.1.6: a text line is at most 1000 octets with its CRLF.
constexpr std::size_t max_line = 998;

bool is_plain_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0x20 && byte < 0x7f;
  });
}

// Bytes in the UTF-8 sequence a lead byte starts; 1 for anything malformed, so that broken
// input is still cut somewhere rather than looped over.
std::size_t sequence_length(unsigned char lead) {
  if (lead >= 0xf0 && lead < 0xf8) return 4;
  if (lead >= 0xe0) return lead < 0xf0 ? 3 : 1;
  if (lead >= 0xc0) return 2;
  return 1;
}

std::string with_crlf(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 32 + 2);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out += "\r\n";
    } else if (text[i] == '\n') {
      out += "\r\n";
    } else {
      out += text[i];
    }
  }
  if (out.size() < 2 || out.compare(out.size() - 2, 2, "\r\n") != 0) out += "\r\n";
  return out;
}

// Longest line of CRLF-terminated text, in octets.
std::size_t longest_line(std::string_view text) {
  std::size_t longest = 0;
  std::size_t start = 0;
  for (auto end = text.find("\r\n"); end != std::string_view::npos; end = text.find("\r\n", start)) {
    longest = std::max(longest, end - start);
    start = end + 2;
  }
  return std::max(longest, text.size() - start);
}

std::string_view domain_of(std::string_view address) {
  const auto at = address.rfind('@');
  return at == std::string_view::npos ? std::string_view{"localhost"} : address.substr(at + 1);
}

}  // namespace

std::string encode_base64(std::string_view bytes) {
  static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const std::size_t left = std::min<std::size_t>(3, bytes.size() - i);
    std::uint32_t group = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16;
    if (left > 1) group |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8;
    if (left > 2) group |= static_cast<unsigned char>(bytes[i + 2]);
    out += alphabet[(group >> 18) & 0x3f];
    out += alphabet[(group >> 12) & 0x3f];
    out += left > 1 ? alphabet[(group >> 6) & 0x3f] : '=';
    out += left > 2 ? alphabet[group & 0x3f] : '=';
  }
  return out;
}

std::string encode_header_text(std::string_view text) {
  // "Subject: " plus the text must fit one line; longer ASCII is encoded too, since encoded-words fold.
  if (is_plain_ascii(text) && text.size() <= 900) return std::string(text);
  // 39 octets become 52 base64 characters: with "=?UTF-8?B?" and "?=" a word stays under 75 (RFC 2047, 2),
  // and no UTF-8 character is split between words, which decoders may not rejoin.
  constexpr std::size_t chunk = 39;
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = start;
    while (end < text.size()) {
      const std::size_t next = std::min(text.size(), end + sequence_length(static_cast<unsigned char>(text[end])));
      if (next - start > chunk && end > start) break;
      end = next;
    }
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + encode_base64(text.substr(start, end - start)) + "?=";
    start = end;
  }
  return out;
}

std::string new_message_id(std::string_view from) {
  thread_local std::mt19937_64 random{std::random_device{}()};
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%016llx.%016llx", static_cast<unsigned long long>(random()),
                static_cast<unsigned long long>(random()));
  return "<" + std::string(buffer) + "@" + std::string(domain_of(from)) + ">";
}

std::string render_message(const OutgoingMail& mail, std::string_view from, std::chrono::sys_seconds date,
                           std::string_view message_id) {
  const std::string body = with_crlf(mail.body_text);
  const bool has_nul = body.find('\0') != std::string::npos;
  const bool ascii = std::all_of(body.begin(), body.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  std::string encoding = "base64";
  if (!has_nul && longest_line(body) <= max_line) encoding = ascii ? "7bit" : "8bit";

  std::string out;
  out.reserve(body.size() * 4 / 3 + 512);
  out += "Date: " + rfc5322_date(date) + "\r\n";
  out += "From: " + std::string(from) + "\r\n";
  out += "To: " + mail.to + "\r\n";
  out += "Subject: " + encode_header_text(mail.subject) + "\r\n";
  out += "Message-ID: " + std::string(message_id) + "\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: text/plain; charset=UTF-8\r\n";
  out += "Content-Transfer-Encoding: " + encoding + "\r\n";
  // RFC 3834: tells auto-responders (out-of-office, vacation) not to answer a machine.
  out += "Auto-Submitted: auto-generated\r\n";
  out += "\r\n";
  if (encoding != "base64") {
    out += body;
  } else {
    const std::string encoded = encode_base64(body);
    for (std::size_t at = 0; at < encoded.size(); at += 76) out += encoded.substr(at, 76) + "\r\n";
  }
  return out;
}

}  // namespace att::mail
