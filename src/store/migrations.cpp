#include "store/migrations.hpp"

#include <cstdio>
#include <string_view>

#include "core/date.hpp"
#include "core/timestamp.hpp"

namespace att::store {

namespace {

// Portable SQL: TEXT for strings and ISO dates (they sort as dates), BIGINT for numbers,
// INTEGER 0/1 for flags. ON CONFLICT upserts work in both engines.
const std::vector<Migration> migrations = {
    {1, "states register", R"sql(
CREATE TABLE states (
  iso3 TEXT PRIMARY KEY,
  iso2 TEXT NOT NULL UNIQUE,
  m49 BIGINT NOT NULL,
  name_en TEXT NOT NULL,
  name_fr TEXT NOT NULL,
  name_es TEXT NOT NULL,
  region TEXT NOT NULL,
  subregion TEXT NOT NULL,
  un_member INTEGER NOT NULL,
  signature_date TEXT,
  deposit_date TEXT,
  deposit_kind TEXT NOT NULL DEFAULT '',
  deposit_not_before TEXT,
  eif_date TEXT,
  verified INTEGER NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE state_aliases (
  alias TEXT PRIMARY KEY,
  iso3 TEXT NOT NULL REFERENCES states(iso3) ON DELETE CASCADE
);
)sql"},
    {2, "accounts, sessions, audit log and mail outbox", R"sql(
CREATE TABLE users (
  id {{identity}},
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  position TEXT NOT NULL DEFAULT '',
  state_iso3 TEXT REFERENCES states(iso3),
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  totp_secret TEXT,
  totp_enabled INTEGER NOT NULL DEFAULT 0,
  totp_last_step BIGINT NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE user_roles (
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  PRIMARY KEY (user_id, role)
);
CREATE TABLE registrations (
  id {{identity}},
  email TEXT NOT NULL,
  name TEXT NOT NULL,
  position TEXT NOT NULL,
  state_iso3 TEXT NOT NULL REFERENCES states(iso3),
  requested_role TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  password_hash TEXT NOT NULL,
  language TEXT NOT NULL DEFAULT 'en',
  status TEXT NOT NULL,
  confirm_token_hash TEXT UNIQUE,
  confirm_expires_at TEXT,
  confirmed_at TEXT,
  decided_by BIGINT REFERENCES users(id),
  decided_at TEXT,
  decision_reason TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX registrations_by_status ON registrations(status, created_at);
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  second_factor_done INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  ip TEXT NOT NULL DEFAULT '',
  user_agent TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_by_user ON sessions(user_id);
CREATE TABLE password_resets (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
CREATE TABLE recovery_codes (
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  code_hash TEXT NOT NULL,
  used_at TEXT,
  PRIMARY KEY (user_id, code_hash)
);
CREATE TABLE sign_in_failures (
  subject TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX sign_in_failures_by_subject ON sign_in_failures(subject, at);
CREATE TABLE api_tokens (
  id {{identity}},
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at TEXT
);
CREATE TABLE audit_log (
  seq BIGINT PRIMARY KEY,
  at TEXT NOT NULL,
  actor_user_id BIGINT,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT '',
  ip TEXT NOT NULL DEFAULT '',
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE TABLE mail_outbox (
  id {{identity}},
  to_address TEXT NOT NULL,
  subject TEXT NOT NULL,
  body_text TEXT NOT NULL,
  created_at TEXT NOT NULL,
  attempts BIGINT NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  sent_at TEXT,
  last_error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX mail_outbox_due ON mail_outbox(sent_at, next_attempt_at);
)sql"},
    {3, "reports and their versions", R"sql(
CREATE TABLE reports (
  id {{identity}},
  reporting_state TEXT NOT NULL REFERENCES states(iso3),
  year BIGINT NOT NULL,
  type TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (reporting_state, year, type)
);
CREATE TABLE report_versions (
  id {{identity}},
  report_id BIGINT NOT NULL REFERENCES reports(id),
  version_no BIGINT NOT NULL,
  status TEXT NOT NULL,
  channel TEXT NOT NULL,
  received_date TEXT,
  template_id TEXT NOT NULL,
  visibility TEXT NOT NULL,
  restriction_reason TEXT NOT NULL DEFAULT '',
  header_json TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  line_count BIGINT NOT NULL,
  demo INTEGER NOT NULL DEFAULT 0,
  created_by BIGINT REFERENCES users(id),
  created_at TEXT NOT NULL,
  submitted_at TEXT,
  recalled_at TEXT,
  recall_reason TEXT NOT NULL DEFAULT '',
  UNIQUE (report_id, version_no)
);
CREATE TABLE report_lines (
  version_id BIGINT NOT NULL REFERENCES report_versions(id) ON DELETE CASCADE,
  line_no BIGINT NOT NULL,
  direction TEXT NOT NULL,
  category TEXT NOT NULL,
  partner_state TEXT NOT NULL,
  items BIGINT,
  value TEXT,
  currency TEXT NOT NULL DEFAULT '',
  basis TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  comments TEXT NOT NULL DEFAULT '',
  state_of_origin TEXT NOT NULL DEFAULT '',
  intermediate_location TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (version_id, line_no)
){{without_rowid}};
)sql"},
    {4, "reference datasets (SIPRI trade register), kept apart from State reports", R"sql(
CREATE TABLE reference_datasets (
  id {{identity}},
  source TEXT NOT NULL,
  name TEXT NOT NULL,
  generated TEXT NOT NULL DEFAULT '',
  imported_at TEXT NOT NULL,
  record_count BIGINT NOT NULL
);
CREATE TABLE reference_transfers (
  dataset_id BIGINT NOT NULL REFERENCES reference_datasets(id) ON DELETE CASCADE,
  record_no BIGINT NOT NULL,
  recipient_state TEXT,
  recipient_name TEXT NOT NULL,
  supplier_state TEXT,
  supplier_name TEXT NOT NULL,
  order_year BIGINT,
  order_year_uncertain INTEGER NOT NULL DEFAULT 0,
  number_ordered BIGINT,
  number_delivered BIGINT,
  weapon_designation TEXT NOT NULL DEFAULT '',
  weapon_description TEXT NOT NULL DEFAULT '',
  category TEXT,
  delivery_years TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT '',
  comments TEXT NOT NULL DEFAULT '',
  tiv_per_unit TEXT,
  tiv_total_order TEXT,
  tiv_delivered TEXT,
  PRIMARY KEY (dataset_id, record_no)
);
)sql"},
    // The content sits in a table of its own so that listing a version's attachments never reads
    // the files; the digest lets a receipt quote exactly what was received.
    {5, "original documents attached to report versions", R"sql(
CREATE TABLE report_attachments (
  id {{identity}},
  version_id BIGINT NOT NULL REFERENCES report_versions(id) ON DELETE CASCADE,
  file_name TEXT NOT NULL,
  media_type TEXT NOT NULL,
  byte_size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  uploaded_by BIGINT REFERENCES users(id),
  uploaded_at TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX report_attachments_by_version ON report_attachments(version_id);
CREATE TABLE report_attachment_contents (
  attachment_id BIGINT PRIMARY KEY REFERENCES report_attachments(id) ON DELETE CASCADE,
  content {{blob}} NOT NULL
);
)sql"},
    {6, "SIPRI: whether the numbers ordered and delivered are uncertain", R"sql(
ALTER TABLE reference_transfers ADD COLUMN number_ordered_uncertain INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reference_transfers ADD COLUMN number_delivered_uncertain INTEGER NOT NULL DEFAULT 0;
)sql"},
    // NULL: the table follows the report-wide visibility, the common case; existing versions keep
    // exactly the visibility they had.
    {7, "visibility per table (exports, imports)", R"sql(
ALTER TABLE report_versions ADD COLUMN exports_visibility TEXT;
ALTER TABLE report_versions ADD COLUMN imports_visibility TEXT;
)sql"},
    // The language of the mail an account receives (notices of its State's reports): the one
    // chosen when applying; existing accounts get English.
    {8, "accounts: the language of their mail", R"sql(
ALTER TABLE users ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
)sql"},
    // API tokens get a scope and an end. Existing tokens keep their owner's full rights and end
    // 90 days after this migration, not after their creation: an old token that a program still
    // uses keeps working for a while instead of failing the day the server is upgraded.
    {9, "API tokens: scope and expiry", R"sql(
ALTER TABLE api_tokens ADD COLUMN scope TEXT NOT NULL DEFAULT 'full';
ALTER TABLE api_tokens ADD COLUMN expires_at TEXT;
UPDATE api_tokens SET expires_at = {{utc_now_plus_90_days}} WHERE expires_at IS NULL;
CREATE INDEX api_tokens_by_user ON api_tokens(user_id);
)sql"},
    // Keys the server makes for itself (the one that signs device cookies), kept with the data
    // so that every process on the database shares them and they survive a restart.
    {10, "keys the server makes for itself", R"sql(
CREATE TABLE server_keys (
  name TEXT PRIMARY KEY,
  secret TEXT NOT NULL,
  created_at TEXT NOT NULL
);
)sql"},
    // Each reminder letter sent to a State about its overdue reports: what it covered (as JSON,
    // the reports and their deadlines as the letter stated them), how it went, and the reply.
    {11, "reminder letters about overdue reports", R"sql(
CREATE TABLE reminder_letters (
  id {{identity}},
  state_iso3 TEXT NOT NULL REFERENCES states(iso3),
  as_of TEXT NOT NULL,
  created_at TEXT NOT NULL,
  language TEXT NOT NULL,
  channel TEXT NOT NULL,
  reports_json TEXT NOT NULL,
  reply_received TEXT,
  reply_note TEXT
);
CREATE INDEX reminder_letters_by_state ON reminder_letters(state_iso3, as_of);
)sql"},
    // The information exchange: the audience decides who sees an announcement and all that hangs
    // on it; a comment's earlier wordings are kept, one row per edit.
    {12, "announcements, consultations and their comments", R"sql(
CREATE TABLE announcements (
  id {{identity}},
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  audience TEXT NOT NULL,
  status TEXT NOT NULL,
  deadline TEXT,
  published_by BIGINT NOT NULL REFERENCES users(id),
  published_at TEXT NOT NULL
);
CREATE INDEX announcements_by_audience ON announcements(audience, published_at);
CREATE TABLE announcement_sections (
  announcement_id BIGINT NOT NULL REFERENCES announcements(id),
  position BIGINT NOT NULL,
  title TEXT NOT NULL,
  PRIMARY KEY (announcement_id, position)
);
CREATE TABLE announcement_comments (
  id {{identity}},
  announcement_id BIGINT NOT NULL REFERENCES announcements(id),
  reply_to BIGINT REFERENCES announcement_comments(id),
  section BIGINT,
  author_id BIGINT NOT NULL REFERENCES users(id),
  author_name TEXT NOT NULL,
  state_iso3 TEXT REFERENCES states(iso3),
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  edited_at TEXT
);
CREATE INDEX announcement_comments_by_announcement ON announcement_comments(announcement_id, id);
CREATE TABLE announcement_comment_edits (
  id {{identity}},
  comment_id BIGINT NOT NULL REFERENCES announcement_comments(id),
  replaced_at TEXT NOT NULL,
  previous_body TEXT NOT NULL
);
CREATE INDEX announcement_comment_edits_by_comment ON announcement_comment_edits(comment_id);
)sql"},
    // The documents library and the reporting guidance. The words a search can find sit in
    // document_search, already folded (lower case, no accents, no punctuation) by the store, so
    // that FTS5 on SQLite and the 'simple' text search of PostgreSQL see the same plain words.
    {16, "documents library and reporting guidance", R"sql(
CREATE TABLE documents (
  id {{identity}},
  symbol TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  audience TEXT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX documents_by_audience ON documents(audience, created_at);
CREATE TABLE document_versions (
  id {{identity}},
  document_id BIGINT NOT NULL REFERENCES documents(id),
  version_no BIGINT NOT NULL,
  note TEXT NOT NULL,
  published_by BIGINT NOT NULL REFERENCES users(id),
  published_at TEXT NOT NULL,
  UNIQUE (document_id, version_no)
);
CREATE TABLE document_files (
  version_id BIGINT NOT NULL REFERENCES document_versions(id),
  language TEXT NOT NULL,
  file_name TEXT NOT NULL,
  media_type TEXT NOT NULL,
  byte_size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  content {{blob}} NOT NULL,
  PRIMARY KEY (version_id, language)
);
{{document_search_table}}
CREATE TABLE faq_revisions (
  id {{identity}},
  meeting TEXT NOT NULL,
  published_by BIGINT NOT NULL REFERENCES users(id),
  published_at TEXT NOT NULL
);
CREATE TABLE faq_answers (
  revision_id BIGINT NOT NULL REFERENCES faq_revisions(id),
  number BIGINT NOT NULL,
  language TEXT NOT NULL,
  question TEXT NOT NULL,
  answer TEXT NOT NULL,
  PRIMARY KEY (revision_id, number, language)
);
)sql"},
    // Problems users report from any page: a queue for the Secretariat. Only the reporter and
    // those who answer read a report (the condition is in each query, exchange/problem_reports_store).
    {17, "reported problems and their answers", R"sql(
CREATE TABLE problem_reports (
  id {{identity}},
  reporter_id BIGINT NOT NULL REFERENCES users(id),
  page TEXT NOT NULL,
  category TEXT NOT NULL,
  description TEXT NOT NULL,
  status TEXT NOT NULL,
  reported_at TEXT NOT NULL,
  closed_at TEXT
);
CREATE INDEX problem_reports_queue ON problem_reports(status, reported_at);
CREATE INDEX problem_reports_by_reporter ON problem_reports(reporter_id, id);
CREATE TABLE problem_report_answers (
  id {{identity}},
  report_id BIGINT NOT NULL REFERENCES problem_reports(id),
  author_id BIGINT NOT NULL REFERENCES users(id),
  body TEXT NOT NULL,
  answered_at TEXT NOT NULL
);
CREATE INDEX problem_report_answers_by_report ON problem_report_answers(report_id, id);
)sql"},
    // Notifications of the information exchange: each account's choice of mail (immediate, a
    // daily digest or none) with how far its mail and its "what is new" list have reached, and the
    // reminders sent before a consultation's deadline, one per consultation and State.
    {18, "notifications and consultation reminders", R"sql(
CREATE TABLE notification_settings (
  user_id BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  delivery TEXT NOT NULL,
  mailed_through TEXT NOT NULL,
  digest_on TEXT,
  seen_through TEXT
);
CREATE TABLE consultation_reminders (
  announcement_id BIGINT NOT NULL REFERENCES announcements(id),
  state_iso3 TEXT NOT NULL REFERENCES states(iso3),
  sent_at TEXT NOT NULL,
  PRIMARY KEY (announcement_id, state_iso3)
);
CREATE INDEX announcement_comments_by_time ON announcement_comments(created_at);
CREATE INDEX announcements_by_time ON announcements(published_at);
CREATE INDEX document_versions_by_time ON document_versions(published_at);
)sql"},
    // Library documents attached to an announcement or consultation, in the order they were
    // attached. Each is shown only to who may see both (exchange/announcement_documents).
    {19, "documents attached to announcements", R"sql(
CREATE TABLE announcement_documents (
  announcement_id BIGINT NOT NULL REFERENCES announcements(id),
  document_id BIGINT NOT NULL REFERENCES documents(id),
  position BIGINT NOT NULL,
  attached_at TEXT NOT NULL,
  PRIMARY KEY (announcement_id, document_id)
);
CREATE INDEX announcement_documents_by_document ON announcement_documents(document_id);
)sql"},
};

void replace_all(std::string& sql, std::string_view token, std::string_view with) {
  for (auto at = sql.find(token); at != std::string::npos; at = sql.find(token, at + with.size()))
    sql.replace(at, token.size(), with);
}

// The few words the two engines spell differently.
std::string for_dialect(std::string sql, Dialect dialect) {
  const bool postgres = dialect == Dialect::postgres;
  replace_all(sql, "{{identity}}", postgres ? "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY" : "INTEGER PRIMARY KEY");
  // SQLite keeps a table with a composite key in one b-tree instead of two: bulk imports write half as much.
  replace_all(sql, "{{without_rowid}}", postgres ? "" : " WITHOUT ROWID");
  replace_all(sql, "{{blob}}", postgres ? "BYTEA" : "BLOB");
  // The one index the engines build differently: FTS5 on SQLite, a GIN index of 'simple' words on
  // PostgreSQL. Both read text the store has folded already, so both find the same documents.
  replace_all(sql, "{{document_search_table}}",
              postgres ? "CREATE TABLE document_search (document_id BIGINT PRIMARY KEY REFERENCES documents(id),"
                         " body TEXT NOT NULL);\n"
                         "CREATE INDEX document_search_words ON document_search USING GIN (to_tsvector('simple', body));"
                       : "CREATE VIRTUAL TABLE document_search USING fts5(document_id UNINDEXED, body,"
                         " tokenize = 'unicode61 remove_diacritics 2');");
  // The same text as utc_timestamp(): "2026-12-03T20:53:57Z".
  replace_all(sql, "{{utc_now_plus_90_days}}",
              postgres ? "to_char((now() AT TIME ZONE 'UTC') + INTERVAL '90 days', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                       : "strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '+90 days')");
  return sql;
}

std::string padded(int version) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%04d", version);
  return buffer;
}

void ensure_migrations_table(Database& db) {
  db.execute_script(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
}

}  // namespace

const std::vector<Migration>& all_migrations() { return migrations; }

int schema_version(Database& db) {
  ensure_migrations_table(db);
  const auto rows = db.query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  return rows.empty() ? 0 : static_cast<int>(rows.front().integer(0));
}

MigrationOutcome migrate(Database& db) {
  MigrationOutcome outcome;
  outcome.from_version = schema_version(db);
  for (const auto& migration : migrations) {
    Transaction transaction(db);
    if (db.dialect() == Dialect::postgres) db.query("SELECT pg_advisory_xact_lock(7247001)");
    // Checked inside the lock: another process may have applied it meanwhile.
    const auto done = db.query("SELECT 1 FROM schema_migrations WHERE version = $1", {std::int64_t{migration.version}});
    if (!done.empty()) continue;
    db.execute_script(for_dialect(migration.sql, db.dialect()));
    db.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
               {std::int64_t{migration.version}, migration.name, Timestamp::now().iso()});
    transaction.commit();
    outcome.applied.push_back(padded(migration.version) + " " + migration.name);
  }
  outcome.to_version = schema_version(db);
  return outcome;
}

}  // namespace att::store
