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

constexpr Oid bytea_oid = 17;  // pg_type.oid of bytea, fixed since PostgreSQL 7

// A bytea column in text results: "\x0a1b..." (or the older escape form); libpq decodes both.
Blob bytea_value(const char* text) {
  std::size_t size = 0;
  std::unique_ptr<unsigned char, decltype(&PQfreemem)> bytes(
      PQunescapeBytea(reinterpret_cast<const unsigned char*>(text), &size), &PQfreemem);
  if (!bytes) throw DatabaseError("cannot decode a bytea value: out of memory");
  return Blob{std::string(reinterpret_cast<const char*>(bytes.get()), size)};
}

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
  // Values travel in their own protocol fields: the server parses them, never the SQL. Numbers and
  // text go as text; bytes go in binary, typed bytea, so they need no escaping and NULs survive.
  const auto count = params.size();
  std::vector<std::string> texts(count);
  std::vector<const char*> values(count, nullptr);
  std::vector<int> lengths(count, 0);
  std::vector<int> formats(count, 0);
  std::vector<Oid> types(count, 0);  // 0: the server infers the type from the statement
  for (std::size_t i = 0; i < count; ++i) {
    const Value& value = params[i];
    if (std::holds_alternative<std::nullptr_t>(value)) continue;
    if (const auto* blob = std::get_if<Blob>(&value)) {
      values[i] = blob->bytes.data();
      lengths[i] = static_cast<int>(blob->bytes.size());
      formats[i] = 1;
      types[i] = bytea_oid;
      continue;
    }
    if (const auto* integer = std::get_if<std::int64_t>(&value))
      texts[i] = std::to_string(*integer);
    else if (const auto* real = std::get_if<double>(&value))
      texts[i] = std::to_string(*real);
    else
      texts[i] = std::get<std::string>(value);
    values[i] = texts[i].c_str();
  }
  const auto name = prepared_name(sql, types);
  ResultPtr result(name.empty() ? PQexecParams(conn_, std::string(sql).c_str(), static_cast<int>(count), types.data(),
                                               values.data(), lengths.data(), formats.data(), 0)
                                : PQexecPrepared(conn_, name.c_str(), static_cast<int>(count), values.data(),
                                                 lengths.data(), formats.data(), 0),
                   &PQclear);
  const auto status = PQresultStatus(result.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    throw DatabaseError("statement failed: " + first_line(PQresultErrorMessage(result.get())));
  Rows rows;
  const int tuples = PQntuples(result.get());
  const int columns = PQnfields(result.get());
  rows.reserve(static_cast<std::size_t>(tuples));
  for (int r = 0; r < tuples; ++r) {
    std::vector<Value> row;
    row.reserve(static_cast<std::size_t>(columns));
    for (int c = 0; c < columns; ++c) {
      if (PQgetisnull(result.get(), r, c))
        row.emplace_back(nullptr);
      else if (PQftype(result.get(), c) == bytea_oid)
        row.emplace_back(bytea_value(PQgetvalue(result.get(), r, c)));
      else
        row.emplace_back(
            std::string(PQgetvalue(result.get(), r, c), static_cast<std::size_t>(PQgetlength(result.get(), r, c))));
    }
    rows.emplace_back(std::move(row));
  }
  return rows;
}

// Parsing and planning a statement once per connection instead of at every call: a 64-row
// INSERT has 832 parameters, and preparing it each time cost more than running it.
std::string PostgresDatabase::prepared_name(std::string_view sql, const std::vector<unsigned int>& types) {
  constexpr std::size_t most_statements = 1000;  // SQL built with varying filters must not grow it without end
  std::string key(sql);
  for (const auto type : types) key += type == 0 ? "\x1f" : "\x1f" + std::to_string(type);
  if (const auto found = prepared_.find(key); found != prepared_.end()) return found->second;
  if (prepared_.size() >= most_statements) return {};
  auto name = "att_" + std::to_string(prepared_.size() + 1);
  ResultPtr result(PQprepare(conn_, name.c_str(), std::string(sql).c_str(), static_cast<int>(types.size()),
                             types.data()),
                   &PQclear);
  if (PQresultStatus(result.get()) != PGRES_COMMAND_OK)
    throw DatabaseError("statement failed: " + first_line(PQresultErrorMessage(result.get())));
  return prepared_.emplace(std::move(key), std::move(name)).first->second;
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
