#include <cstdio>
#include <memory>

#include "cli/commands.hpp"
#include "cli/messages.hpp"
#include "cli/options.hpp"
#include "store/migrations.hpp"
#include "store/open_database.hpp"
#include "store/states_store.hpp"

namespace att::cli {

namespace {

void print_migrations(const store::Database& db, const store::MigrationOutcome& outcome) {
  if (outcome.applied.empty()) {
    std::printf("%s\n", message("cli.schema_up_to_date", {{"db", db.describe()}, {"version", std::to_string(outcome.to_version)}}).c_str());
    return;
  }
  for (const auto& name : outcome.applied) std::printf("%s\n", message("cli.migration_applied", {{"name", name}}).c_str());
  std::printf("%s\n", message("cli.schema_migrated", {{"db", db.describe()},
                                                    {"version", std::to_string(outcome.to_version)},
                                                    {"was", std::to_string(outcome.from_version)}})
                          .c_str());
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
    std::printf("%s\n", message("cli.register_saved", {{"states", std::to_string(states_register.states().size())},
                                                     {"added", std::to_string(saved.states_added)},
                                                     {"updated", std::to_string(saved.states_updated)},
                                                     {"aliases", std::to_string(saved.aliases)}})
                            .c_str());
  });

  auto* migrate = root.add_subcommand("migrate", "Bring the database schema to this version of att");
  add_db_option(*migrate, *options);
  migrate->callback([options] {
    auto db = store::open_database(options->db);
    print_migrations(*db, store::migrate(*db));
  });
}

}  // namespace att::cli
