#include "io/file.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace att::io {

tl::expected<std::string, std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return tl::unexpected("cannot read " + path.string() + ": " + std::strerror(errno));
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

}  // namespace att::io
