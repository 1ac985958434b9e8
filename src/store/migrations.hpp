// Numbered schema migrations, recorded in the database so each runs exactly once.
#pragma once

#include <string>
#include <vector>

#include "store/database.hpp"

namespace att::store {

struct Migration {
  int version;
  std::string name;
  std::string sql;  // portable: accepted by SQLite and PostgreSQL alike
};

const std::vector<Migration>& all_migrations();

struct MigrationOutcome {
  int from_version = 0;
  int to_version = 0;
  std::vector<std::string> applied;  // "0001 states register", ...
};

// Brings the schema to the newest version. Safe when several processes start at once:
// PostgreSQL serialises on an advisory lock, SQLite on its write lock.
MigrationOutcome migrate(Database& db);
int schema_version(Database& db);

}  // namespace att::store
