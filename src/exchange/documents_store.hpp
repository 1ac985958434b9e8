// The documents library in the database. Every read is for a Viewer and carries the audience rule
// inside its SQL, the search included: a restricted document outside the viewer's audience is
// never read, so it shows in no hit, no count and no error.
#pragma once

#include "auth/viewer.hpp"
#include "exchange/documents.hpp"
#include "store/database.hpp"

namespace att::exchange {

// Both writers work inside the caller's transaction, which holds their audit entry too.
// nullopt when the viewer may not publish (chairs and the Secretariat do) or the symbol is taken.
std::optional<std::int64_t> add_document(store::Database& db, const auth::Viewer& viewer, const NewDocument& document,
                                         Timestamp now);
// A new version with its files (at least one, each in a different document language). Returns the
// version number; nullopt for a non-publisher, an unknown document or unusable files.
std::optional<std::int64_t> add_document_version(store::Database& db, const auth::Viewer& viewer,
                                                 std::int64_t document_id, const std::string& note,
                                                 const std::vector<NewDocumentFile>& files, Timestamp now);

// The documents the viewer may see whose title, symbol or summary hold every word of `query`
// (each word also as the start of a longer one; case and accents do not matter), newest first.
// An empty query lists them all.
std::vector<Document> search_documents(store::Database& db, const auth::Viewer& viewer, std::string_view query);
std::optional<Document> find_document(store::Database& db, const auth::Viewer& viewer, std::int64_t id);

struct DocumentDownload {
  DocumentFile file;
  std::string content;
};
// nullopt where the document, version or language is not there for the viewer.
std::optional<DocumentDownload> document_file(store::Database& db, const auth::Viewer& viewer, std::int64_t document_id,
                                              std::int64_t version_no, std::string_view language);

}  // namespace att::exchange
