// Library documents attached to an announcement or consultation. A reader is shown an attached
// document only when they may see both the announcement and the document: a restricted document
// attached to a public announcement is not there for the public, not even as a title or a count.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "auth/viewer.hpp"
#include "exchange/documents.hpp"
#include "store/database.hpp"

namespace att::exchange {

// The document a publisher names by its number or its symbol, among those the viewer may see.
std::optional<std::int64_t> document_by_reference(store::Database& db, const auth::Viewer& viewer,
                                                  std::string_view reference);

enum class AttachOutcome {
  done,
  not_found,         // no such announcement for this viewer
  refused,           // the viewer may not publish
  unknown_document,  // no such document for this viewer
};

// Whether the viewer may name this library document on an announcement: it is there and the
// viewer may see it.
bool may_attach(store::Database& db, const auth::Viewer& viewer, std::int64_t document_id);

// Attaching a document already attached changes nothing and is done.
AttachOutcome attach_document(store::Database& db, const auth::Viewer& viewer, std::int64_t announcement_id,
                              std::int64_t document_id, Timestamp now);
// Whether a document was attached and is no longer; false for a non-publisher.
bool detach_document(store::Database& db, const auth::Viewer& viewer, std::int64_t announcement_id,
                     std::int64_t document_id);

// In the order they were attached, without their versions; only what the viewer may see of both.
std::vector<Document> documents_of(store::Database& db, const auth::Viewer& viewer, std::int64_t announcement_id);

}  // namespace att::exchange
