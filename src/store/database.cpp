#include "store/database.hpp"

#include <charconv>
#include <cmath>

namespace att::store {

Value nullable(const std::optional<std::string>& text) {
  if (!text) return nullptr;
  return *text;
}

bool Row::is_null(std::size_t column) const { return std::holds_alternative<std::nullptr_t>(values_.at(column)); }

std::string Row::text(std::size_t column) const {
  const auto& value = values_.at(column);
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  if (const auto* b = std::get_if<Blob>(&value)) return b->bytes;
  if (const auto* i = std::get_if<std::int64_t>(&value)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&value)) return std::to_string(*d);
  return {};
}

std::optional<std::string> Row::optional_text(std::size_t column) const {
  if (is_null(column)) return std::nullopt;
  return text(column);
}

std::int64_t Row::integer(std::size_t column) const {
  const auto& value = values_.at(column);
  if (const auto* i = std::get_if<std::int64_t>(&value)) return *i;
  if (const auto* d = std::get_if<double>(&value)) return static_cast<std::int64_t>(std::llround(*d));
  if (const auto* s = std::get_if<std::string>(&value)) {
    std::int64_t result = 0;
    const auto [end, error] = std::from_chars(s->data(), s->data() + s->size(), result);
    if (error != std::errc{} || end != s->data() + s->size())
      throw DatabaseError("column " + std::to_string(column) + " holds '" + *s + "', not an integer");
    return result;
  }
  if (std::holds_alternative<Blob>(value))
    throw DatabaseError("column " + std::to_string(column) + " holds bytes, not an integer");
  return 0;
}

const std::string& Row::blob(std::size_t column) const {
  static const std::string none;
  const auto& value = values_.at(column);
  if (const auto* b = std::get_if<Blob>(&value)) return b->bytes;
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  if (std::holds_alternative<std::nullptr_t>(value)) return none;
  throw DatabaseError("column " + std::to_string(column) + " holds a number, not bytes");
}

Transaction::~Transaction() {
  if (!open_) return;
  try {
    db_.rollback();
  } catch (...) {
    // Rolling back during unwinding must not throw; the connection reports the failure next time.
  }
}

void Transaction::commit() {
  db_.commit();
  open_ = false;
}

}  // namespace att::store
