// A form with a file input posted as a browser without script posts it (multipart/form-data).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "browser.hpp"
#include "http_client.hpp"

namespace att::testing {

struct FilePart {
  std::string field;
  std::string file_name;
  std::string content;
};

// With the browser's cookies and the CSRF token of the last page it saw as one of the fields.
HttpResult post_multipart(int port, Browser& browser, const std::string& target,
                          const std::vector<std::pair<std::string, std::string>>& fields,
                          const std::vector<FilePart>& files);

}  // namespace att::testing
