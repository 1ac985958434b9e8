#include "exchange/announcement_documents.hpp"

#include <charconv>

#include "auth/policy.hpp"
#include "core/ascii_text.hpp"
#include "exchange/announcements_store.hpp"
#include "exchange/document_rows.hpp"

namespace att::exchange {

namespace {

bool may_publish(const auth::Viewer& viewer) {
  return viewer.user_id && auth::may(viewer, auth::Permission::publish_announcements);
}

std::optional<std::int64_t> number_of(std::string_view text) {
  std::int64_t number = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error != std::errc{} || end != text.data() + text.size() || number < 1) return std::nullopt;
  return number;
}

}  // namespace

std::optional<std::int64_t> document_by_reference(store::Database& db, const auth::Viewer& viewer,
                                                  std::string_view reference) {
  const auto text = trim_blanks(reference);
  if (text.empty()) return std::nullopt;
  // A number that is no document's id may still be a symbol: both are asked at once.
  store::Params params{text, number_of(text).value_or(0)};
  const auto sql = "SELECT d.id FROM documents d WHERE (d.symbol = $1 OR d.id = $2) AND " +
                   auth::sees_announcement_sql(viewer, "d.audience", params) + " ORDER BY d.symbol = $1 DESC LIMIT 1";
  const auto rows = db.query(sql, params);
  if (rows.empty()) return std::nullopt;
  return rows.front().integer(0);
}

bool may_attach(store::Database& db, const auth::Viewer& viewer, std::int64_t document_id) {
  store::Params params{document_id};
  const auto visible =
      "SELECT 1 FROM documents d WHERE d.id = $1 AND " + auth::sees_announcement_sql(viewer, "d.audience", params);
  return !db.query(visible, params).empty();
}

AttachOutcome attach_document(store::Database& db, const auth::Viewer& viewer, std::int64_t announcement_id,
                              std::int64_t document_id, Timestamp now) {
  if (!find_announcement(db, viewer, announcement_id)) return AttachOutcome::not_found;
  if (!may_publish(viewer)) return AttachOutcome::refused;
  if (!may_attach(db, viewer, document_id)) return AttachOutcome::unknown_document;
  db.execute(
      "INSERT INTO announcement_documents (announcement_id, document_id, position, attached_at)"
      " SELECT $1, $2, COALESCE(MAX(position), 0) + 1, $3 FROM announcement_documents WHERE announcement_id = $1"
      " ON CONFLICT (announcement_id, document_id) DO NOTHING",
      {announcement_id, document_id, now.iso()});
  return AttachOutcome::done;
}

bool detach_document(store::Database& db, const auth::Viewer& viewer, std::int64_t announcement_id,
                     std::int64_t document_id) {
  if (!may_publish(viewer) || !find_announcement(db, viewer, announcement_id)) return false;
  return !db.query(
                "DELETE FROM announcement_documents WHERE announcement_id = $1 AND document_id = $2"
                " RETURNING document_id",
                {announcement_id, document_id})
              .empty();
}

std::vector<Document> documents_of(store::Database& db, const auth::Viewer& viewer, std::int64_t announcement_id) {
  store::Params params{announcement_id};
  const auto sees_announcement = auth::sees_announcement_sql(viewer, "a.audience", params);
  const auto sees_document = auth::sees_announcement_sql(viewer, "d.audience", params);
  const auto sql = "SELECT " + std::string(document_columns) +
                   " FROM announcement_documents ad"
                   " JOIN announcements a ON a.id = ad.announcement_id JOIN documents d ON d.id = ad.document_id"
                   " WHERE ad.announcement_id = $1 AND " +
                   sees_announcement + " AND " + sees_document + " ORDER BY ad.position";
  std::vector<Document> documents;
  for (const auto& row : db.query(sql, params)) documents.push_back(read_document(row));
  return documents;
}

}  // namespace att::exchange
