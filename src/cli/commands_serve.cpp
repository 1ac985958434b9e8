#include <cstdio>
#include <memory>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "store/states_store.hpp"
#include "web/server.hpp"

namespace att::cli {

namespace {

struct ServeOptions {
  CommonOptions common;
  web::ServerOptions server;
};

void run(const ServeOptions& options) {
  auto db = open_initialised(options.common);
  auto states = std::make_shared<const StatesRegister>(store::load_register(*db));
  if (states->states().empty())
    throw UsageError("the database holds no States: run att init --db " + options.common.db);
  const web::App app(options.common.web_dir, states);
  web::serve(app, options.server, [&] {
    std::printf("att: serving http://%s:%u (database %s); stop with Ctrl+C\n", options.server.bind_address.c_str(),
                options.server.port, db->describe().c_str());
    std::fflush(stdout);
  });
  std::printf("att: stopped\n");
}

}  // namespace

void add_serve_command(CLI::App& root) {
  auto options = std::make_shared<ServeOptions>();
  auto* command = root.add_subcommand("serve", "Serve the web site and the API");
  add_db_option(*command, options->common);
  command->add_option("--port", options->server.port, "TCP port")->capture_default_str()->check(CLI::Range(1, 65535));
  command->add_option("--bind", options->server.bind_address, "Address to listen on")->capture_default_str();
  command->add_option("--threads", options->server.threads, "Worker threads (0: one per core)")->capture_default_str();
  command->add_option("--access-log", options->server.access_log, "'-' for standard output, 'off', or a file")
      ->capture_default_str();
  command->add_option("--web-dir", options->common.web_dir, "Folder with templates, i18n and static files")
      ->capture_default_str();
  command->callback([options] { run(*options); });
}

}  // namespace att::cli
