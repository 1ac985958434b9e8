// SQLite: the embedded default. WAL journal, foreign keys on, a busy timeout for writers.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "store/database.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace att::store {

class SqliteDatabase final : public Database {
 public:
  explicit SqliteDatabase(const std::string& path);
  ~SqliteDatabase() override;
  SqliteDatabase(const SqliteDatabase&) = delete;
  SqliteDatabase& operator=(const SqliteDatabase&) = delete;

  [[nodiscard]] Dialect dialect() const override { return Dialect::sqlite; }
  [[nodiscard]] std::string describe() const override { return path_; }
  void execute(std::string_view sql, const Params& params) override;
  Rows query(std::string_view sql, const Params& params) override;
  void execute_script(std::string_view sql) override;
  void begin() override;
  void commit() override;
  void rollback() override;

 private:
  struct Prepared {
    sqlite3_stmt* statement = nullptr;
    // For each SQLite parameter index, the number n of its name "$n": looked up once, at
    // preparation, because SQLite finds a parameter's name by a linear search.
    std::vector<std::size_t> numbers;
  };
  const Prepared& prepared(std::string_view sql);
  void bind(const Prepared& prepared, const Params& params);
  [[noreturn]] void fail(std::string_view context) const;

  std::string path_;
  sqlite3* db_ = nullptr;
  // Statements are prepared once per connection and reused: most SQL here runs many times.
  // Looked up by string_view without building a std::string: a bulk import does it per row.
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  std::unordered_map<std::string, Prepared, TextHash, std::equal_to<>> statements_;
};

}  // namespace att::store
