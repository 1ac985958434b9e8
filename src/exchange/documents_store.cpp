#include "exchange/documents_store.hpp"

#include <algorithm>
#include <sstream>

#include "auth/policy.hpp"
#include "auth/secrets.hpp"
#include "exchange/document_rows.hpp"
#include "store/stored_timestamp.hpp"

namespace att::exchange {

namespace {

using store::stored_timestamp;

bool may_publish(const auth::Viewer& viewer) {
  return viewer.user_id && auth::may(viewer, auth::Permission::publish_announcements);
}

std::vector<std::string> words_of(std::string_view folded) {
  std::vector<std::string> words;
  std::istringstream stream{std::string(folded)};
  for (std::string word; stream >> word;) words.push_back(word);
  return words;
}

// The one place the engines differ: how a list of folded words (letters and digits only, so
// nothing in them is an operator) is asked of the index. Each word matches itself or a longer
// word it starts; all must be there.
std::string matches_sql(store::Dialect dialect, const std::vector<std::string>& words, store::Params& params) {
  std::string query;
  for (const auto& word : words) {
    if (dialect == store::Dialect::postgres)
      query += (query.empty() ? "" : " & ") + word + ":*";
    else
      query += (query.empty() ? "\"" : " \"") + word + "\"*";
  }
  params.emplace_back(query);
  const auto n = "$" + std::to_string(params.size());
  if (dialect == store::Dialect::postgres)
    return "to_tsvector('simple', document_search.body) @@ to_tsquery('simple', " + n + ")";
  return "document_search MATCH " + n;
}

void index_document(store::Database& db, std::int64_t id, const NewDocument& document) {
  db.execute("DELETE FROM document_search WHERE document_id = $1", {id});
  db.execute("INSERT INTO document_search (document_id, body) VALUES ($1, $2)",
             {id, search_words(document.symbol + " " + document.title + " " + document.summary)});
}

}  // namespace

Document read_document(const store::Row& row) {
  Document d;
  d.id = row.integer(0);
  d.symbol = row.text(1);
  d.title = row.text(2);
  d.summary = row.text(3);
  // An unknown audience in the table is treated as the narrowest one.
  d.audience = auth::audience_from_string(row.text(4)).value_or(auth::Audience::parties);
  d.created_at = store::stored_timestamp(row.text(5));
  return d;
}

std::optional<std::int64_t> add_document(store::Database& db, const auth::Viewer& viewer, const NewDocument& document,
                                         Timestamp now) {
  if (!may_publish(viewer)) return std::nullopt;
  if (!db.query("SELECT 1 FROM documents WHERE symbol = $1", {document.symbol}).empty()) return std::nullopt;
  const auto id = db.query(
                        "INSERT INTO documents (symbol, title, summary, audience, created_by, created_at)"
                        " VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                        {document.symbol, document.title, document.summary,
                         std::string(auth::to_string(document.audience)), *viewer.user_id, now.iso()})
                      .front()
                      .integer(0);
  index_document(db, id, document);
  return id;
}

std::optional<std::int64_t> add_document_version(store::Database& db, const auth::Viewer& viewer,
                                                 std::int64_t document_id, const std::string& note,
                                                 const std::vector<NewDocumentFile>& files, Timestamp now) {
  if (!may_publish(viewer) || files.empty()) return std::nullopt;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (!is_document_language(files[i].language)) return std::nullopt;
    for (std::size_t j = 0; j < i; ++j)
      if (files[j].language == files[i].language) return std::nullopt;
  }
  if (!find_document(db, viewer, document_id)) return std::nullopt;
  const auto version_no =
      db.query("SELECT COALESCE(MAX(version_no), 0) + 1 FROM document_versions WHERE document_id = $1", {document_id})
          .front()
          .integer(0);
  const auto version_id = db.query(
                                "INSERT INTO document_versions (document_id, version_no, note, published_by,"
                                " published_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
                                {document_id, version_no, note, *viewer.user_id, now.iso()})
                              .front()
                              .integer(0);
  for (const auto& file : files) {
    db.execute(
        "INSERT INTO document_files (version_id, language, file_name, media_type, byte_size, sha256, content)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7)",
        {version_id, file.language, file.file_name, file.media_type, static_cast<std::int64_t>(file.content.size()),
         auth::token_digest(file.content), store::Blob{file.content}});
  }
  return version_no;
}

std::vector<Document> search_documents(store::Database& db, const auth::Viewer& viewer, std::string_view query) {
  store::Params params;
  auto sql = "SELECT " + std::string(document_columns) + " FROM documents d WHERE " +
             auth::sees_announcement_sql(viewer, "d.audience", params);
  const auto words = words_of(search_words(query));
  if (!words.empty()) {
    sql += " AND d.id IN (SELECT document_search.document_id FROM document_search WHERE " +
           matches_sql(db.dialect(), words, params) + ")";
  }
  sql += " ORDER BY d.created_at DESC, d.id DESC";
  std::vector<Document> found;
  for (const auto& row : db.query(sql, params)) found.push_back(read_document(row));
  return found;
}

std::optional<Document> find_document(store::Database& db, const auth::Viewer& viewer, std::int64_t id) {
  store::Params params{id};
  const auto sql = "SELECT " + std::string(document_columns) + " FROM documents d WHERE d.id = $1 AND " +
                   auth::sees_announcement_sql(viewer, "d.audience", params);
  const auto rows = db.query(sql, params);
  if (rows.empty()) return std::nullopt;
  auto document = read_document(rows.front());
  for (const auto& row : db.query("SELECT id, version_no, note, published_at FROM document_versions"
                                  " WHERE document_id = $1 ORDER BY version_no DESC",
                                  {id})) {
    DocumentVersion version{row.integer(1), row.text(2), stored_timestamp(row.text(3)), {}};
    // Listing never reads the files' content.
    for (const auto& file : db.query("SELECT language, file_name, media_type, byte_size, sha256 FROM document_files"
                                     " WHERE version_id = $1",
                                     {row.integer(0)}))
      version.files.push_back({file.text(0), file.text(1), file.text(2), file.integer(3), file.text(4)});
    std::ranges::sort(version.files, {}, [](const DocumentFile& f) {
      return std::ranges::find(document_languages, f.language) - std::begin(document_languages);
    });
    document.versions.push_back(std::move(version));
  }
  return document;
}

std::optional<DocumentDownload> document_file(store::Database& db, const auth::Viewer& viewer, std::int64_t document_id,
                                              std::int64_t version_no, std::string_view language) {
  store::Params params{document_id, version_no, std::string(language)};
  const auto sql =
      "SELECT f.language, f.file_name, f.media_type, f.byte_size, f.sha256, f.content FROM document_files f"
      " JOIN document_versions v ON v.id = f.version_id JOIN documents d ON d.id = v.document_id"
      " WHERE d.id = $1 AND v.version_no = $2 AND f.language = $3 AND " +
      auth::sees_announcement_sql(viewer, "d.audience", params);
  const auto rows = db.query(sql, params);
  if (rows.empty()) return std::nullopt;
  const auto& row = rows.front();
  return DocumentDownload{{row.text(0), row.text(1), row.text(2), row.integer(3), row.text(4)}, row.blob(5)};
}

}  // namespace att::exchange
