#include "reporting/reminder_letters_store.hpp"

#include <nlohmann/json.hpp>

namespace att::reporting {

namespace {

std::string reports_json(const std::vector<LetterReport>& reports) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& report : reports) {
    nlohmann::json entry = {{"report", std::string(to_string(report.kind))}, {"due", report.due.iso()}};
    if (report.kind == compliance::ReportKind::annual) entry["year"] = report.year;
    list.push_back(std::move(entry));
  }
  return list.dump();
}

std::vector<LetterReport> reports_from(const std::string& text) {
  std::vector<LetterReport> reports;
  const auto list = nlohmann::json::parse(text, nullptr, false);
  if (!list.is_array()) return reports;
  for (const auto& entry : list) {
    const auto due = Date::parse(entry.value("due", std::string()));
    if (!due) continue;  // written by log_letter: always a date
    const bool annual = entry.value("report", std::string()) == "annual";
    reports.push_back({annual ? compliance::ReportKind::annual : compliance::ReportKind::initial,
                       annual ? entry.value("year", 0) : 0, *due});
  }
  return reports;
}

}  // namespace

std::vector<LetterReport> reports_listed(const compliance::StateOverdue& owed) {
  std::vector<LetterReport> reports;
  for (const auto& row : owed.overdue)
    reports.push_back({row.obligation.kind, row.obligation.year, row.obligation.due});
  return reports;
}

std::int64_t log_letter(store::Database& db, const std::string& state, Date as_of, Language language,
                        const std::string& channel, const std::vector<LetterReport>& reports, Timestamp now) {
  return db
      .query(
          "INSERT INTO reminder_letters (state_iso3, as_of, created_at, language, channel, reports_json)"
          " VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
          {state, as_of.iso(), now.iso(), std::string(code_of(language)), channel, reports_json(reports)})
      .at(0)
      .integer(0);
}

std::vector<LoggedLetter> letters_to(store::Database& db, const std::string& state) {
  std::vector<LoggedLetter> letters;
  for (const auto& row :
       db.query("SELECT id, state_iso3, as_of, created_at, language, channel, reports_json, reply_received, reply_note"
                " FROM reminder_letters WHERE state_iso3 = $1 ORDER BY id",
                {state})) {
    const auto as_of = Date::parse(row.text(2));
    if (!as_of) continue;  // written by log_letter: always a date
    LoggedLetter letter{row.integer(0),
                        row.text(1),
                        *as_of,
                        row.text(3),
                        language_from_code(row.text(4)).value_or(Language::en),
                        row.text(5),
                        reports_from(row.text(6)),
                        std::nullopt,
                        row.is_null(8) ? std::string() : row.text(8)};
    if (!row.is_null(7))
      if (const auto reply = Date::parse(row.text(7))) letter.reply_received = *reply;
    letters.push_back(std::move(letter));
  }
  return letters;
}

bool record_reply(store::Database& db, std::int64_t letter_id, Date received, const std::string& note) {
  return !db.query("UPDATE reminder_letters SET reply_received = $1, reply_note = $2 WHERE id = $3 RETURNING id",
                   {received.iso(), note, letter_id})
              .empty();
}

}  // namespace att::reporting
