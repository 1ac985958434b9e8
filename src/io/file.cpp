#include "io/file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace att::io {

// One allocation of the file's size and one read: a large import is read without the
// stream-buffer copies of an ostringstream (which also held the file twice at its peak).
tl::expected<std::string, std::string> read_file(const std::filesystem::path& path) {
  const auto failure = [&] { return tl::unexpected("cannot read " + path.string() + ": " + std::strerror(errno)); };
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) return failure();
  std::string content;
  if (std::fseek(file.get(), 0, SEEK_END) == 0) {
    if (const long size = std::ftell(file.get()); size > 0) content.reserve(static_cast<std::size_t>(size));
    std::rewind(file.get());
  }
  char buffer[1 << 16];
  while (const auto read = std::fread(buffer, 1, sizeof buffer, file.get())) content.append(buffer, read);
  if (std::ferror(file.get())) return failure();
  return content;
}

}  // namespace att::io
