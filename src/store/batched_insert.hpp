// Inserting many rows: multi-row INSERT statements of 64, 32, ..., 1 rows. One statement per
// 64 rows makes a large import several times faster on SQLite and saves round trips to
// PostgreSQL; the smaller sizes take the rest, so at most seven statements are ever prepared
// for a table.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include "store/database.hpp"

namespace att::store {

// `head` is "INSERT INTO t (a, b, c) VALUES " for `columns` columns. `add_row(i, params)`
// appends the `columns` values of row i.
void insert_rows(Database& db, const std::string& head, std::size_t columns, std::size_t count,
                 const std::function<void(std::size_t row, Params& params)>& add_row);

}  // namespace att::store
