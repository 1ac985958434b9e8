#include "store/open_database.hpp"

#include "store/postgres/postgres_database.hpp"
#include "store/sqlite/sqlite_database.hpp"

namespace att::store {

bool is_postgres_url(std::string_view location) {
  return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

std::unique_ptr<Database> open_database(const std::string& location) {
  if (location.empty()) throw DatabaseError("no database given (--db PATH or --db postgresql://...)");
  if (is_postgres_url(location)) return std::make_unique<PostgresDatabase>(location);
  return std::make_unique<SqliteDatabase>(location);
}

}  // namespace att::store
