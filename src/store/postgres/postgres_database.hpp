// PostgreSQL: for deployments where several server processes share one database.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "store/database.hpp"

struct pg_conn;

namespace att::store {

class PostgresDatabase final : public Database {
 public:
  explicit PostgresDatabase(const std::string& url);
  ~PostgresDatabase() override;
  PostgresDatabase(const PostgresDatabase&) = delete;
  PostgresDatabase& operator=(const PostgresDatabase&) = delete;

  [[nodiscard]] Dialect dialect() const override { return Dialect::postgres; }
  [[nodiscard]] std::string describe() const override { return safe_url_; }
  void execute(std::string_view sql, const Params& params) override;
  Rows query(std::string_view sql, const Params& params) override;
  void execute_script(std::string_view sql) override;
  void begin() override;
  void commit() override;
  void rollback() override;

 private:
  // The name of the server-side prepared statement for this SQL text and parameter types,
  // preparing it on first use; empty when the cache is full (the statement then runs unprepared).
  std::string prepared_name(std::string_view sql, const std::vector<unsigned int>& types);

  std::string safe_url_;
  pg_conn* conn_ = nullptr;
  std::unordered_map<std::string, std::string> prepared_;  // SQL (+ types) -> statement name
};

// The URL with any password replaced by ***, for messages and logs.
std::string redact_password(const std::string& url);

}  // namespace att::store
