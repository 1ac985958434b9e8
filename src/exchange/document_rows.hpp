// A library document as a row: the columns every read of documents selects, on `documents d`,
// and the Document they make (without its versions). Shared by the library's reads and those of
// the documents attached to announcements, so both read a document alike.
#pragma once

#include <string_view>

#include "exchange/documents.hpp"
#include "store/database.hpp"

namespace att::exchange {

inline constexpr std::string_view document_columns = "d.id, d.symbol, d.title, d.summary, d.audience, d.created_at";

Document read_document(const store::Row& row);

}  // namespace att::exchange
