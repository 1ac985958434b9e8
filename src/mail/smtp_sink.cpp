// SMTP submission through libcurl.
#include "mail/smtp_sink.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>

#include "mail/message.hpp"

namespace att::mail {

namespace {

struct CurlFree {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
  void operator()(CURLU* url) const { curl_url_cleanup(url); }
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

// Before any thread uses libcurl, once: curl_easy_init would otherwise do it lazily, which older
// libcurl builds do not make thread-safe.
void init_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// The spec without its password, for error messages.
std::string redacted(const std::string& spec) {
  const auto scheme_end = spec.find("://");
  if (scheme_end == std::string::npos) return spec;
  const auto authority_end = spec.find_first_of("/?#", scheme_end + 3);
  const auto at = spec.rfind('@', authority_end == std::string::npos ? std::string::npos : authority_end);
  if (at == std::string::npos || at < scheme_end) return spec;
  const auto colon = spec.find(':', scheme_end + 3);
  if (colon == std::string::npos || colon > at) return spec;
  return spec.substr(0, colon + 1) + "***" + spec.substr(at);
}

std::optional<std::string> url_part(CURLU* url, CURLUPart part, unsigned flags = 0) {
  char* value = nullptr;
  if (curl_url_get(url, part, &value, flags) != CURLUE_OK || value == nullptr) return std::nullopt;
  std::string text(value);
  curl_free(value);
  return text;
}

StartTls parse_starttls(const std::string& value, const std::string& spec) {
  if (value == "off") return StartTls::off;
  if (value == "try") return StartTls::when_offered;
  if (value == "required") return StartTls::required;
  throw std::invalid_argument("mail destination '" + redacted(spec) + "': starttls must be off, try or required");
}

const char* starttls_name(StartTls mode) {
  switch (mode) {
    case StartTls::off: return "off";
    case StartTls::when_offered: return "try";
    case StartTls::required: return "required";
  }
  return "?";
}

// Feeds the rendered message to libcurl, which dot-stuffs it and adds the final "." line.
struct Upload {
  std::string_view rest;
};

size_t read_upload(char* buffer, size_t size, size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const size_t n = std::min(size * count, upload->rest.size());
  std::memcpy(buffer, upload->rest.data(), n);
  upload->rest.remove_prefix(n);
  return n;
}

// Keeps the server's last refusal (4xx, 5xx): "451 4.7.1 Greylisted, try later" says more than
// libcurl's "RCPT failed: 451". Later replies are ignored, such as the "221 Bye" to libcurl's QUIT.
int remember_refusal(CURL*, curl_infotype type, char* data, size_t size, void* user) {
  if (type != CURLINFO_HEADER_IN || size == 0 || (data[0] != '4' && data[0] != '5')) return 0;
  std::string line(data, size);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  *static_cast<std::string*>(user) = line;
  return 0;
}

}  // namespace

SmtpSettings parse_smtp_spec(const std::string& spec, const std::string& from) {
  init_curl_once();
  const auto invalid = [&](const std::string& why) {
    return std::invalid_argument("mail destination '" + redacted(spec) + "': " + why);
  };
  std::unique_ptr<CURLU, CurlFree> url(curl_url());
  if (!url) throw std::bad_alloc();
  if (const auto rc = curl_url_set(url.get(), CURLUPART_URL, spec.c_str(), 0); rc != CURLUE_OK)
    throw invalid(curl_url_strerror(rc));
  const auto scheme = url_part(url.get(), CURLUPART_SCHEME);
  if (scheme != "smtp" && scheme != "smtps") throw invalid("use smtp:// or smtps://");
  const auto host = url_part(url.get(), CURLUPART_HOST);
  if (!host || host->empty()) throw invalid("no host");
  if (url_part(url.get(), CURLUPART_FRAGMENT)) throw invalid("a '#' has no meaning here");

  SmtpSettings settings;
  settings.from = from;
  settings.username = url_part(url.get(), CURLUPART_USER, CURLU_URLDECODE).value_or("");
  settings.password = url_part(url.get(), CURLUPART_PASSWORD, CURLU_URLDECODE).value_or("");
  settings.starttls = settings.username.empty() ? StartTls::when_offered : StartTls::required;
  if (const auto query = url_part(url.get(), CURLUPART_QUERY)) {
    std::string_view rest = *query;
    while (!rest.empty()) {
      const auto amp = rest.find('&');
      const auto item = rest.substr(0, amp);
      rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
      if (item.rfind("starttls=", 0) != 0) throw invalid("unknown option '" + std::string(item) + "' (starttls=...)");
      if (scheme == "smtps") throw invalid("starttls= applies to smtp:// only; smtps:// is TLS from the start");
      settings.starttls = parse_starttls(std::string(item.substr(9)), spec);
    }
  }
  // What libcurl is given: the URL without credentials (they go in their own options) or options.
  curl_url_set(url.get(), CURLUPART_USER, nullptr, 0);
  curl_url_set(url.get(), CURLUPART_PASSWORD, nullptr, 0);
  curl_url_set(url.get(), CURLUPART_QUERY, nullptr, 0);
  settings.url = url_part(url.get(), CURLUPART_URL).value_or("");
  return settings;
}

SmtpSink::SmtpSink(SmtpSettings settings) : settings_(std::move(settings)) {
  init_curl_once();
  if (!is_plausible_address(settings_.from))
    throw std::invalid_argument("mail sender '" + settings_.from + "' is not an e-mail address");
  if (settings_.url.rfind("smtp://", 0) != 0 && settings_.url.rfind("smtps://", 0) != 0)
    throw std::invalid_argument("SMTP server '" + redacted(settings_.url) + "' is not an smtp:// or smtps:// URL");
}

std::string SmtpSink::describe() const {
  std::string text = settings_.url;
  if (settings_.url.rfind("smtp://", 0) == 0)
    text += std::string(" (STARTTLS ") + starttls_name(settings_.starttls) + ")";
  if (!settings_.username.empty()) text += " as " + settings_.username;
  return text;
}

tl::expected<void, std::string> SmtpSink::send(const OutgoingMail& mail) {
  try {
    validate(mail);
  } catch (const std::invalid_argument& e) {
    return tl::unexpected(std::string(e.what()));
  }
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  const std::string message = render_message(mail, settings_.from, now, new_message_id(settings_.from));
  Upload upload{message};
  std::string last_refusal;
  char error[CURL_ERROR_SIZE] = {};

  std::unique_ptr<CURL, CurlFree> curl(curl_easy_init());
  if (!curl) return tl::unexpected(std::string("cannot start libcurl"));
  const std::string envelope_from = "<" + settings_.from + ">";
  std::unique_ptr<curl_slist, CurlFree> recipients(curl_slist_append(nullptr, ("<" + mail.to + ">").c_str()));
  if (!recipients) return tl::unexpected(std::string("out of memory"));

  CURL* handle = curl.get();
  curl_easy_setopt(handle, CURLOPT_URL, settings_.url.c_str());
  curl_easy_setopt(handle, CURLOPT_MAIL_FROM, envelope_from.c_str());
  curl_easy_setopt(handle, CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(handle, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(handle, CURLOPT_READFUNCTION, read_upload);
  curl_easy_setopt(handle, CURLOPT_READDATA, &upload);
  // Lets libcurl announce SIZE= so a server can refuse an oversized message before the data.
  curl_easy_setopt(handle, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
  curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT, static_cast<long>(settings_.connect_timeout.count()));
  curl_easy_setopt(handle, CURLOPT_TIMEOUT, static_cast<long>(settings_.timeout.count()));
  // CURLOPT_TIMEOUT does not cover the QUIT libcurl sends when closing the connection, even after a
  // timeout: that waits for the server's reply up to the per-reply limit, 120 s by default. Capping
  // it at the overall limit bounds a send by twice that limit.
  curl_easy_setopt(handle, CURLOPT_SERVER_RESPONSE_TIMEOUT, static_cast<long>(settings_.timeout.count()));
  // No SIGALRM-based timeouts: this runs on a worker thread.
  curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(handle, CURLOPT_DEBUGFUNCTION, remember_refusal);
  curl_easy_setopt(handle, CURLOPT_DEBUGDATA, &last_refusal);
  curl_easy_setopt(handle, CURLOPT_VERBOSE, 1L);  // needed for the debug callback; prints nothing itself
  if (settings_.url.rfind("smtp://", 0) == 0) {
    const long use_ssl = settings_.starttls == StartTls::required       ? CURLUSESSL_ALL
                         : settings_.starttls == StartTls::when_offered ? CURLUSESSL_TRY
                                                                        : CURLUSESSL_NONE;
    curl_easy_setopt(handle, CURLOPT_USE_SSL, use_ssl);
  }
  if (!settings_.username.empty()) {
    curl_easy_setopt(handle, CURLOPT_USERNAME, settings_.username.c_str());
    curl_easy_setopt(handle, CURLOPT_PASSWORD, settings_.password.c_str());
  }

  const CURLcode rc = curl_easy_perform(handle);
  if (rc == CURLE_OK) return {};
  std::string reason = settings_.url + ": " + (error[0] ? error : curl_easy_strerror(rc));
  if (!last_refusal.empty()) reason += "; server said: " + last_refusal;
  return tl::unexpected(reason);
}

}  // namespace att::mail
