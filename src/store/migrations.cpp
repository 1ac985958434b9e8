#include "store/migrations.hpp"

#include <cstdio>

#include "core/date.hpp"

namespace att::store {

namespace {

// Portable SQL: TEXT for strings and ISO dates (they sort as dates), BIGINT for numbers,
// INTEGER 0/1 for flags. ON CONFLICT upserts work in both engines.
const std::vector<Migration> migrations = {
    {1, "states register", R"sql(
CREATE TABLE states (
  iso3 TEXT PRIMARY KEY,
  iso2 TEXT NOT NULL UNIQUE,
  m49 BIGINT NOT NULL,
  name_en TEXT NOT NULL,
  name_fr TEXT NOT NULL,
  name_es TEXT NOT NULL,
  region TEXT NOT NULL,
  subregion TEXT NOT NULL,
  un_member INTEGER NOT NULL,
  signature_date TEXT,
  deposit_date TEXT,
  deposit_kind TEXT NOT NULL DEFAULT '',
  deposit_not_before TEXT,
  eif_date TEXT,
  verified INTEGER NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE state_aliases (
  alias TEXT PRIMARY KEY,
  iso3 TEXT NOT NULL REFERENCES states(iso3) ON DELETE CASCADE
);
)sql"},
};

std::string padded(int version) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%04d", version);
  return buffer;
}

void ensure_migrations_table(Database& db) {
  db.execute_script(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
}

}  // namespace

const std::vector<Migration>& all_migrations() { return migrations; }

int schema_version(Database& db) {
  ensure_migrations_table(db);
  const auto rows = db.query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  return rows.empty() ? 0 : static_cast<int>(rows.front().integer(0));
}

MigrationOutcome migrate(Database& db) {
  MigrationOutcome outcome;
  outcome.from_version = schema_version(db);
  for (const auto& migration : migrations) {
    Transaction transaction(db);
    if (db.dialect() == Dialect::postgres) db.query("SELECT pg_advisory_xact_lock(7247001)");
    // Checked inside the lock: another process may have applied it meanwhile.
    const auto done = db.query("SELECT 1 FROM schema_migrations WHERE version = $1", {std::int64_t{migration.version}});
    if (!done.empty()) continue;
    db.execute_script(migration.sql);
    db.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
               {std::int64_t{migration.version}, migration.name, utc_timestamp_now()});
    transaction.commit();
    outcome.applied.push_back(padded(migration.version) + " " + migration.name);
  }
  outcome.to_version = schema_version(db);
  return outcome;
}

}  // namespace att::store
