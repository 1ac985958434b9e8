#include "store/sqlite/sqlite_database.hpp"

#include <sqlite3.h>

#include <charconv>

namespace att::store {

namespace {

// Resets a statement however the step loop ends, so the cached statement can run again.
struct ResetOnExit {
  sqlite3_stmt* statement;
  ~ResetOnExit() {
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
  }
};

}  // namespace

SqliteDatabase::SqliteDatabase(const std::string& path) : path_(path) {
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    const std::string reason = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw DatabaseError("cannot open SQLite database " + path + ": " + reason);
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, 5000);
  try {
    execute_script("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
  } catch (...) {
    sqlite3_close(db_);
    throw;
  }
}

SqliteDatabase::~SqliteDatabase() {
  for (auto& [sql, entry] : statements_) sqlite3_finalize(entry.statement);
  sqlite3_close(db_);
}

void SqliteDatabase::fail(std::string_view context) const {
  throw DatabaseError(std::string(context) + ": " + sqlite3_errmsg(db_) + " (" + path_ + ")");
}

const SqliteDatabase::Prepared& SqliteDatabase::prepared(std::string_view sql) {
  if (const auto found = statements_.find(sql); found != statements_.end()) return found->second;
  const std::string key(sql);
  Prepared entry;
  if (sqlite3_prepare_v3(db_, key.c_str(), static_cast<int>(key.size()), SQLITE_PREPARE_PERSISTENT, &entry.statement,
                         nullptr) != SQLITE_OK)
    fail("cannot prepare statement");
  const int count = sqlite3_bind_parameter_count(entry.statement);
  for (int i = 1; i <= count; ++i) {
    // Parameters are written $1, $2, ... as in PostgreSQL; the number picks the value.
    const char* name = sqlite3_bind_parameter_name(entry.statement, i);
    std::size_t number = 0;
    if (name == nullptr || name[0] != '$' ||
        std::from_chars(name + 1, name + std::char_traits<char>::length(name), number).ec != std::errc{} ||
        number == 0) {
      sqlite3_finalize(entry.statement);
      throw DatabaseError(std::string("statement parameter ") + (name ? name : "?") + " is not written $n");
    }
    entry.numbers.push_back(number);
  }
  return statements_.emplace(key, std::move(entry)).first->second;
}

void SqliteDatabase::bind(const Prepared& entry, const Params& params) {
  for (std::size_t i = 0; i < entry.numbers.size(); ++i) {
    const auto number = entry.numbers[i];
    if (number > params.size()) throw DatabaseError("statement parameter $" + std::to_string(number) + " has no value");
    const int index = static_cast<int>(i + 1);
    sqlite3_stmt* statement = entry.statement;
    const Value& value = params[number - 1];
    int rc = SQLITE_OK;
    if (std::holds_alternative<std::nullptr_t>(value)) {
      rc = sqlite3_bind_null(statement, index);
    } else if (const auto* integer = std::get_if<std::int64_t>(&value)) {
      rc = sqlite3_bind_int64(statement, index, *integer);
    } else if (const auto* real = std::get_if<double>(&value)) {
      rc = sqlite3_bind_double(statement, index, *real);
    } else if (const auto* blob = std::get_if<Blob>(&value)) {
      // sqlite3_bind_blob64 with no bytes would bind NULL: an empty blob is bound as a zero-length one.
      rc = blob->bytes.empty()
               ? sqlite3_bind_zeroblob(statement, index, 0)
               : sqlite3_bind_blob64(statement, index, blob->bytes.data(), blob->bytes.size(), SQLITE_STATIC);
    } else {
      const auto& text = std::get<std::string>(value);
      // The parameters outlive the statement's run (query() holds them), so SQLite need not copy them.
      rc = sqlite3_bind_text(statement, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
    }
    if (rc != SQLITE_OK) fail("cannot bind parameter");
  }
}

void SqliteDatabase::execute(std::string_view sql, const Params& params) { query(sql, params); }

Rows SqliteDatabase::query(std::string_view sql, const Params& params) {
  const auto& entry = prepared(sql);
  sqlite3_stmt* statement = entry.statement;
  ResetOnExit reset{statement};
  bind(entry, params);
  Rows rows;
  for (;;) {
    const int rc = sqlite3_step(statement);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) fail("statement failed");
    const int columns = sqlite3_column_count(statement);
    std::vector<Value> values;
    values.reserve(static_cast<std::size_t>(columns));
    for (int c = 0; c < columns; ++c) {
      switch (sqlite3_column_type(statement, c)) {
        case SQLITE_NULL: values.emplace_back(nullptr); break;
        case SQLITE_INTEGER: values.emplace_back(static_cast<std::int64_t>(sqlite3_column_int64(statement, c))); break;
        case SQLITE_FLOAT: values.emplace_back(sqlite3_column_double(statement, c)); break;
        case SQLITE_BLOB: {
          // The pointer first, then the size: the documented order that avoids a conversion.
          const auto* bytes = static_cast<const char*>(sqlite3_column_blob(statement, c));
          const auto size = static_cast<std::size_t>(sqlite3_column_bytes(statement, c));
          values.emplace_back(Blob{bytes ? std::string(bytes, size) : std::string()});
          break;
        }
        default: {
          const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, c));
          values.emplace_back(std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(statement, c))));
        }
      }
    }
    rows.emplace_back(std::move(values));
  }
  return rows;
}

void SqliteDatabase::execute_script(std::string_view sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    const std::string reason = message ? message : "unknown error";
    sqlite3_free(message);
    throw DatabaseError("script failed: " + reason + " (" + path_ + ")");
  }
}

// IMMEDIATE takes the write lock at once, so two writers queue instead of deadlocking later.
void SqliteDatabase::begin() { execute_script("BEGIN IMMEDIATE"); }
void SqliteDatabase::commit() { execute_script("COMMIT"); }
void SqliteDatabase::rollback() { execute_script("ROLLBACK"); }

}  // namespace att::store
