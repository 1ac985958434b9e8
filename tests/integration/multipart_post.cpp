#include "multipart_post.hpp"

#include "web/kit/visit.hpp"

namespace att::testing {

HttpResult post_multipart(int port, Browser& browser, const std::string& target,
                          const std::vector<std::pair<std::string, std::string>>& fields,
                          const std::vector<FilePart>& files) {
  const std::string boundary = "----att-test-boundary-7d1f";
  std::string body;
  const auto field_part = [&](const std::string& name, const std::string& value) {
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
  };
  field_part("csrf_token", browser.csrf_token());
  for (const auto& [name, value] : fields) field_part(name, value);
  for (const auto& file : files)
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field + "\"; filename=\"" +
            file.file_name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + file.content + "\r\n";
  body += "--" + boundary + "--\r\n";
  std::string cookies;
  for (const char* name : {web::session_cookie, web::csrf_cookie, web::device_cookie})
    if (const auto value = browser.cookie(name); !value.empty())
      cookies += (cookies.empty() ? "" : "; ") + std::string(name) + "=" + value;
  return http_raw(port, "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" +
                            (cookies.empty() ? "" : "Cookie: " + cookies + "\r\n") +
                            "Content-Type: multipart/form-data; boundary=" + boundary +
                            "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
}

}  // namespace att::testing
