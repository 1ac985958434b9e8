#include <cstdio>
#include <memory>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "store/migrations.hpp"
#include "store/open_database.hpp"
#include "store/states_store.hpp"

namespace att::cli {

namespace {

void print_migrations(const store::Database& db, const store::MigrationOutcome& outcome) {
  if (outcome.applied.empty()) {
    std::printf("Schema of %s is up to date (version %d).\n", db.describe().c_str(), outcome.to_version);
    return;
  }
  for (const auto& name : outcome.applied) std::printf("Applied migration %s\n", name.c_str());
  std::printf("Schema of %s now at version %d (was %d).\n", db.describe().c_str(), outcome.to_version,
              outcome.from_version);
}

}  // namespace

void add_db_commands(CLI::App& root) {
  auto options = std::make_shared<CommonOptions>();

  auto* init = root.add_subcommand("init", "Create or migrate the database and load the States register");
  add_db_option(*init, *options);
  add_data_dir_option(*init, *options);
  init->callback([options] {
    // Read the register first: a broken data file must not leave a half-made database.
    const auto states_register = load_register_file(options->data_dir);
    auto db = store::open_database(options->db);
    print_migrations(*db, store::migrate(*db));
    const auto saved = store::save_register(*db, states_register);
    std::printf("States register: %zu States (%zu added, %zu updated), %zu aliases.\n",
                states_register.states().size(), saved.states_added, saved.states_updated, saved.aliases);
  });

  auto* migrate = root.add_subcommand("migrate", "Bring the database schema to this version of att");
  add_db_option(*migrate, *options);
  migrate->callback([options] {
    auto db = store::open_database(options->db);
    print_migrations(*db, store::migrate(*db));
  });
}

}  // namespace att::cli
