// The log of reminder letters: each letter sent to a State (when, in which language, by which
// channel, the reports it listed with their deadlines), and the reply when one comes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/compliance/obligations.hpp"
#include "core/compliance/overdue.hpp"
#include "core/language.hpp"
#include "core/timestamp.hpp"
#include "store/database.hpp"

namespace att::reporting {

// A report a letter listed, with the deadline the letter gave.
struct LetterReport {
  compliance::ReportKind kind = compliance::ReportKind::annual;
  int year = 0;  // 0 for the initial report
  Date due;
};

struct LoggedLetter {
  std::int64_t id = 0;
  std::string state;
  Date as_of;
  std::string created_at;
  Language language = Language::en;
  std::string channel;  // file (att letters), email (the outbox), pdf (downloaded)
  std::vector<LetterReport> reports;
  std::optional<Date> reply_received;
  std::string reply_note;
};

// The reports a letter to `owed` lists, as the log keeps them.
std::vector<LetterReport> reports_listed(const compliance::StateOverdue& owed);

// Records one letter; returns its id. Inside the caller's transaction, if any.
std::int64_t log_letter(store::Database& db, const std::string& state, Date as_of, Language language,
                        const std::string& channel, const std::vector<LetterReport>& reports, Timestamp now);

// The letters sent to a State, oldest first.
std::vector<LoggedLetter> letters_to(store::Database& db, const std::string& state);

// Records the reply to a letter; false when there is no such letter.
bool record_reply(store::Database& db, std::int64_t letter_id, Date received, const std::string& note);

}  // namespace att::reporting
