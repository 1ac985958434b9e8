// One interface over SQLite and PostgreSQL. SQL is written once, in the dialect both accept,
// with numbered parameters ($1, $2, ...) bound separately: no value is ever spliced into SQL.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace att::store {

enum class Dialect { sqlite, postgres };

// Bytes that are not text (an uploaded file): a BLOB in SQLite, a BYTEA in PostgreSQL. A plain
// std::string stays TEXT, so text columns never receive bytes by accident.
struct Blob {
  std::string bytes;
  bool operator==(const Blob&) const = default;
};

using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string, Blob>;
using Params = std::vector<Value>;

// An optional text becomes NULL when empty-handed.
Value nullable(const std::optional<std::string>& text);

class Row {
 public:
  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}
  [[nodiscard]] std::size_t size() const { return values_.size(); }
  [[nodiscard]] bool is_null(std::size_t column) const;
  [[nodiscard]] std::string text(std::size_t column) const;  // "" for NULL
  [[nodiscard]] std::optional<std::string> optional_text(std::size_t column) const;
  [[nodiscard]] std::int64_t integer(std::size_t column) const;  // 0 for NULL
  // The bytes of a BLOB / BYTEA column (or of a TEXT one); empty for NULL.
  [[nodiscard]] const std::string& blob(std::size_t column) const;

 private:
  std::vector<Value> values_;
};

using Rows = std::vector<Row>;

class DatabaseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Database {
 public:
  virtual ~Database() = default;
  [[nodiscard]] virtual Dialect dialect() const = 0;
  // A description safe to print: the file path, or the URL without its password.
  [[nodiscard]] virtual std::string describe() const = 0;
  virtual void execute(std::string_view sql, const Params& params = {}) = 0;
  virtual Rows query(std::string_view sql, const Params& params = {}) = 0;
  // Runs a script of several statements without parameters (migrations).
  virtual void execute_script(std::string_view sql) = 0;
  virtual void begin() = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;
};

// Commits when told to; rolls back if it goes out of scope first (an exception, an early return).
class Transaction {
 public:
  explicit Transaction(Database& db) : db_(db) { db_.begin(); }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();
  void commit();

 private:
  Database& db_;
  bool open_ = true;
};

}  // namespace att::store
