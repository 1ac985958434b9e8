#include "io/pdf_printer.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include "io/file.hpp"

extern char** environ;

namespace att::io {

namespace {

namespace fs = std::filesystem;

// A directory of its own for each print: the page, Chromium's profile and the PDF, removed
// afterwards whatever happens.
class ScratchDirectory {
 public:
  ScratchDirectory() {
    std::string pattern = (fs::temp_directory_path() / "att-pdf.XXXXXX").string();
    if (::mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~ScratchDirectory() {
    std::error_code ignored;
    if (!path_.empty()) fs::remove_all(path_, ignored);
  }
  ScratchDirectory(const ScratchDirectory&) = delete;
  ScratchDirectory& operator=(const ScratchDirectory&) = delete;
  [[nodiscard]] bool made() const { return !path_.empty(); }
  [[nodiscard]] const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// Runs the command and waits for it, stopping it after `timeout`. Returns the exit status, or
// an error when it could not start or ran too long.
tl::expected<int, std::string> run_with_timeout(const std::vector<std::string>& command, const fs::path& home,
                                                std::chrono::seconds timeout) {
  std::vector<char*> argv;
  for (const auto& part : command) argv.push_back(const_cast<char*>(part.c_str()));
  argv.push_back(nullptr);
  // A minimal environment: Chromium writes its caches under HOME, kept inside the scratch directory.
  const std::string home_variable = "HOME=" + home.string();
  const std::string path_variable = "PATH=/usr/bin:/bin";
  std::vector<char*> environment{const_cast<char*>(home_variable.c_str()), const_cast<char*>(path_variable.c_str()),
                                 nullptr};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  // Its own process group, so that stopping it also stops the renderer processes it started.
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attributes, 0);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, argv[0], &actions, &attributes, argv.data(), environment.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  if (spawned != 0) return tl::unexpected("cannot start " + command.front() + ": " + std::strerror(spawned));

  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    int status = 0;
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) {
      ::kill(-pid, SIGKILL);  // helpers it may have left behind
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    if (done < 0 && errno != EINTR) return tl::unexpected(std::string("waiting for the browser failed: ") + std::strerror(errno));
    if (std::chrono::steady_clock::now() >= deadline) {
      ::kill(-pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      return tl::unexpected("the browser did not finish printing within " + std::to_string(timeout.count()) + " s");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

}  // namespace

PdfPrinter::PdfPrinter(PdfSettings settings) : settings_(std::move(settings)) {}

bool PdfPrinter::available() const { return ::access(settings_.chromium.c_str(), X_OK) == 0; }

tl::expected<std::string, PdfError> PdfPrinter::print(std::string_view html) {
  using Kind = PdfError::Kind;
  const auto failed = [](std::string message) { return tl::unexpected(PdfError{Kind::failed, std::move(message)}); };
  if (!available()) return tl::unexpected(PdfError{Kind::unavailable, settings_.chromium + " is not installed"});
  if (!running_.try_acquire()) return tl::unexpected(PdfError{Kind::busy, "another PDF is being printed"});
  struct Release {
    std::binary_semaphore& semaphore;
    ~Release() { semaphore.release(); }
  } release{running_};

  ScratchDirectory scratch;
  if (!scratch.made()) return failed(std::string("cannot create a temporary directory: ") + std::strerror(errno));
  const auto page = scratch.path() / "page.html";
  const auto pdf = scratch.path() / "page.pdf";
  {
    std::ofstream out(page, std::ios::binary);
    out.write(html.data(), static_cast<std::streamsize>(html.size()));
    if (!out) return failed("cannot write " + page.string());
  }
  const std::vector<std::string> command{settings_.chromium,
                                         "--headless",
                                         "--no-sandbox",
                                         "--disable-gpu",
                                         "--disable-background-networking",
                                         "--disable-component-update",
                                         "--disable-sync",
                                         "--disable-extensions",
                                         "--no-first-run",
                                         "--user-data-dir=" + (scratch.path() / "profile").string(),
                                         "--no-pdf-header-footer",
                                         "--print-to-pdf=" + pdf.string(),
                                         "file://" + page.string()};
  const auto status = run_with_timeout(command, scratch.path(), settings_.timeout);
  if (!status) return failed(status.error());
  auto bytes = read_file(pdf);
  if (!bytes || bytes->rfind("%PDF-", 0) != 0)
    return failed("the browser exited with status " + std::to_string(*status) + " and wrote no PDF");
  return std::move(*bytes);
}

}  // namespace att::io
