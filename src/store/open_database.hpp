// Opens the database a --db option names: a SQLite file path or a postgresql:// URL.
#pragma once

#include <memory>
#include <string>

#include "store/database.hpp"

namespace att::store {

bool is_postgres_url(std::string_view location);
// Throws DatabaseError with a one-line reason when the database cannot be opened.
std::unique_ptr<Database> open_database(const std::string& location);

}  // namespace att::store
