#include "store/batched_insert.hpp"

#include <map>
#include <utility>

namespace att::store {

namespace {

constexpr std::size_t rows_per_statement = 64;

// The statement text for `rows` rows, built once per thread for each table and size.
const std::string& statement(const std::string& head, std::size_t columns, std::size_t rows) {
  thread_local std::map<std::pair<std::string, std::size_t>, std::string> built;
  auto& sql = built[{head, rows}];
  if (sql.empty()) {
    sql = head;
    for (std::size_t row = 0; row < rows; ++row) {
      sql += row ? ", (" : "(";
      for (std::size_t column = 0; column < columns; ++column)
        sql += (column ? ", $" : "$") + std::to_string(row * columns + column + 1);
      sql += ")";
    }
  }
  return sql;
}

}  // namespace

void insert_rows(Database& db, const std::string& head, std::size_t columns, std::size_t count,
                 const std::function<void(std::size_t row, Params& params)>& add_row) {
  Params params;
  params.reserve(columns * rows_per_statement);
  std::size_t next = 0;
  for (std::size_t rows = rows_per_statement; rows > 0; rows /= 2) {
    while (count - next >= rows) {
      for (std::size_t k = 0; k < rows; ++k) add_row(next++, params);
      db.execute(statement(head, columns, rows), params);
      params.clear();
    }
  }
}

}  // namespace att::store
