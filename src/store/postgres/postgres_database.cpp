#include "store/postgres/postgres_database.hpp"

#include <libpq-fe.h>

#include <memory>

namespace att::store {

namespace {

using ResultPtr = std::unique_ptr<PGresult, decltype(&PQclear)>;

std::string first_line(const char* message) {
  std::string text = message ? message : "unknown error";
  if (const auto end = text.find('\n'); end != std::string::npos) text.erase(end);
  return text;
}

void ignore_notice(void*, const char*) {}

}  // namespace

std::string redact_password(const std::string& url) {
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return url;
  const auto at = url.find('@', scheme_end + 3);
  if (at == std::string::npos) return url;
  const auto colon = url.find(':', scheme_end + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

PostgresDatabase::PostgresDatabase(const std::string& url) : safe_url_(redact_password(url)) {
  conn_ = PQconnectdb(url.c_str());
  if (conn_ == nullptr || PQstatus(conn_) != CONNECTION_OK) {
    const std::string reason = conn_ ? first_line(PQerrorMessage(conn_)) : "out of memory";
    PQfinish(conn_);
    conn_ = nullptr;
    throw DatabaseError("cannot connect to PostgreSQL " + safe_url_ + ": " + reason);
  }
  PQsetNoticeProcessor(conn_, ignore_notice, nullptr);
}

PostgresDatabase::~PostgresDatabase() { PQfinish(conn_); }

void PostgresDatabase::execute(std::string_view sql, const Params& params) { query(sql, params); }

Rows PostgresDatabase::query(std::string_view sql, const Params& params) {
  // Values travel as text in their own protocol fields: the server parses them, never the SQL.
  std::vector<std::string> texts(params.size());
  std::vector<const char*> values(params.size(), nullptr);
  for (std::size_t i = 0; i < params.size(); ++i) {
    const Value& value = params[i];
    if (std::holds_alternative<std::nullptr_t>(value)) continue;
    if (const auto* integer = std::get_if<std::int64_t>(&value)) texts[i] = std::to_string(*integer);
    else if (const auto* real = std::get_if<double>(&value)) texts[i] = std::to_string(*real);
    else texts[i] = std::get<std::string>(value);
    values[i] = texts[i].c_str();
  }
  ResultPtr result(PQexecParams(conn_, std::string(sql).c_str(), static_cast<int>(params.size()), nullptr,
                                values.data(), nullptr, nullptr, 0),
                   &PQclear);
  const auto status = PQresultStatus(result.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    throw DatabaseError("statement failed: " + first_line(PQresultErrorMessage(result.get())));
  Rows rows;
  const int count = PQntuples(result.get());
  const int columns = PQnfields(result.get());
  rows.reserve(static_cast<std::size_t>(count));
  for (int r = 0; r < count; ++r) {
    std::vector<Value> row;
    row.reserve(static_cast<std::size_t>(columns));
    for (int c = 0; c < columns; ++c) {
      if (PQgetisnull(result.get(), r, c)) row.emplace_back(nullptr);
      else row.emplace_back(std::string(PQgetvalue(result.get(), r, c), static_cast<std::size_t>(PQgetlength(result.get(), r, c))));
    }
    rows.emplace_back(std::move(row));
  }
  return rows;
}

void PostgresDatabase::execute_script(std::string_view sql) {
  ResultPtr result(PQexec(conn_, std::string(sql).c_str()), &PQclear);
  const auto status = PQresultStatus(result.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    throw DatabaseError("script failed: " + first_line(PQresultErrorMessage(result.get())));
}

void PostgresDatabase::begin() { execute_script("BEGIN"); }
void PostgresDatabase::commit() { execute_script("COMMIT"); }
void PostgresDatabase::rollback() { execute_script("ROLLBACK"); }

}  // namespace att::store
