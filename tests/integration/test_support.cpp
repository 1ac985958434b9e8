#include "test_support.hpp"

#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "core/date.hpp"
#include "http_client.hpp"
#include "io/templates_file.hpp"
#include "store/migrations.hpp"
#include "store/open_database.hpp"
#include "store/states_store.hpp"

namespace att::testing {

namespace {

const char* env(const char* name) {
  const char* value = std::getenv(name);
  return value && *value ? value : nullptr;
}

// fork + exec with stdin from a file and stdout/stderr to files.
pid_t spawn(const std::vector<std::string>& args, const std::filesystem::path& in, const std::filesystem::path& out,
            const std::filesystem::path& err) {
  std::vector<char*> argv;
  for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    const int in_fd = open(in.c_str(), O_RDONLY);
    const int out_fd = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err_fd = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(in_fd, 0);
    dup2(out_fd, 1);
    dup2(err_fd, 2);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

int exit_status(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status); }

}  // namespace

std::string file_content(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

const reports::TemplateLibrary& project_templates() {
  static const reports::TemplateLibrary loaded = [] {
    auto result = io::load_templates(std::string(ATT_DATA_DIR) + "/templates");
    if (!result) throw std::runtime_error(result.error());
    return std::move(*result);
  }();
  return loaded;
}

void migrate_with_register(store::Database& db) {
  store::migrate(db);
  store::save_register(db, project_register());
}

TempDir::TempDir() {
  static std::mt19937_64 random{std::random_device{}()};
  path_ = std::filesystem::temp_directory_path() / ("att-test-" + std::to_string(random()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::vector<std::string> database_kinds() { return {"sqlite", "postgres"}; }

std::string postgres_unavailable_reason() {
  return "ATT_TEST_POSTGRES_URL is not set: PostgreSQL tests skipped (the README's test command starts a "
         "throwaway PostgreSQL and sets it)";
}

std::string fresh_database_location(const std::string& kind, const TempDir& dir) {
  if (kind == "sqlite") return (dir.path() / "test.db").string();
  const char* url = env("ATT_TEST_POSTGRES_URL");
  if (!url) return "";
  // Each test starts from an empty schema; the suite runs its tests one at a time.
  auto db = store::open_database(url);
  db->execute_script("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
  return url;
}

CommandResult run_att(const std::vector<std::string>& args, const std::string& stdin_text) {
  TempDir dir;
  const auto in = dir.path() / "in";
  const auto out = dir.path() / "out";
  const auto err = dir.path() / "err";
  std::ofstream(in) << stdin_text;
  std::vector<std::string> argv{ATT_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  const pid_t pid = spawn(argv, in, out, err);
  int status = 0;
  waitpid(pid, &status, 0);
  return {exit_status(status), file_content(out), file_content(err)};
}

int free_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  close(fd);
  return ntohs(address.sin_port);
}

ServerProcess::ServerProcess(const std::string& db_location, const std::vector<std::string>& extra_args)
    : port_(free_port()) {
  std::vector<std::string> argv{ATT_BINARY, "serve",     "--db",      db_location, "--port", std::to_string(port_),
                                "--bind",   "127.0.0.1", "--web-dir", ATT_WEB_DIR};
  argv.insert(argv.end(), extra_args.begin(), extra_args.end());
  std::ofstream(dir_.path() / "in");
  pid_ = spawn(argv, dir_.path() / "in", dir_.path() / "out", dir_.path() / "err");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("att serve exited early: " + output());
    }
    try {
      if (http_get(port_, "/api/v1/health").status == 200) return;
    } catch (const std::exception&) {
      // not listening yet
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  stop();
  throw std::runtime_error("att serve did not answer within 15 s: " + output());
}

ServerProcess::~ServerProcess() { stop(); }

int ServerProcess::stop() {
  if (pid_ < 0) return -1;
  kill(pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return exit_status(status);
}

std::string ServerProcess::output() const {
  return file_content(dir_.path() / "out") + file_content(dir_.path() / "err");
}

void OnBothDatabases::SetUp() {
  location_ = fresh_database_location(GetParam(), dir_);
  if (location_.empty()) {
    if (std::getenv("CI")) FAIL() << postgres_unavailable_reason();
    GTEST_SKIP() << postgres_unavailable_reason();
  }
  db_ = store::open_database(location_);
}

void OnBothDatabasesWithRegister::SetUp() {
  OnBothDatabases::SetUp();
  if (IsSkipped() || HasFailure()) return;
  migrate_with_register(*db_);
}

auth::Viewer OnBothDatabasesWithRegister::viewer(std::set<auth::Role> roles, std::optional<std::string> state) const {
  return auth::viewer_for({1, "x@example.org", "X", std::move(roles), std::move(state), true, true}, register_,
                          Date::from_ymd(2026, 11, 27), true);
}

std::map<std::string, auth::Viewer> OnBothDatabasesWithRegister::exchange_viewers() const {
  using auth::Role;
  return {{"anonymous", auth::Viewer::anonymous()},
          {"observer", viewer({Role::observer})},
          {"representative of a party", viewer({Role::state_representative}, "ITA")},
          {"representative of a signatory", viewer({Role::state_representative}, "USA")},
          {"chair", viewer({Role::chair})},
          {"secretariat", viewer({Role::secretariat})},
          {"administrator", viewer({Role::administrator})}};
}

reports::AnnualReport one_line_each_way(const std::string& state, int year, reports::Visibility visibility) {
  reports::AnnualReport report;
  report.reporting_state = state;
  report.year = year;
  report.template_id = "att-2017";
  report.visibility = visibility;
  for (const auto direction : {reports::Direction::exports, reports::Direction::imports}) {
    reports::ReportLine line;
    line.direction = direction;
    line.category = "I";
    line.partner_state = "BEL";
    line.items = 1;
    report.lines.push_back(line);
  }
  return report;
}

}  // namespace att::testing
