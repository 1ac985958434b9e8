// Reminders before a consultation's deadline, to the States inside its audience that have not
// commented. Whether a State is inside is asked of the store as each of its representatives
// (find_announcement, the audience rule in its SQL): a State outside learns nothing of it.
#include <map>

#include "auth/audience_rule.hpp"
#include "exchange/announcements_store.hpp"
#include "exchange/notifications/mailing.hpp"
#include "exchange/notifications/news_text.hpp"
#include "exchange/notifications/recipients.hpp"
#include "mail/mail_text.hpp"
#include "text/dates.hpp"

namespace att::notifications {

namespace {

bool speaks_for_a_state(const auth::Viewer& viewer) {
  return viewer.state_iso3 &&
         (viewer.has(auth::Role::state_representative) || viewer.has(auth::Role::reporting_officer));
}

// Representatives by State.
std::map<std::string, std::vector<Recipient>> representatives(store::Database& db,
                                                              const StatesRegister& states_register, Date today) {
  std::map<std::string, std::vector<Recipient>> by_state;
  for (auto& recipient : recipients(db, states_register, today)) {
    if (speaks_for_a_state(recipient.viewer)) by_state[*recipient.viewer.state_iso3].push_back(std::move(recipient));
  }
  return by_state;
}

// The consultations whose reminders are due now: open, the deadline ahead but within the days.
std::vector<std::int64_t> consultations_closing(store::Database& db, const MailingSettings& settings, Timestamp now) {
  std::vector<std::int64_t> ids;
  const auto horizon = now.plus(std::chrono::days{settings.reminder_days});
  for (const auto& row : db.query("SELECT id FROM announcements WHERE kind = 'consultation' AND status = 'open'"
                                  " AND deadline IS NOT NULL AND deadline > $1 AND deadline <= $2 ORDER BY id",
                                  {now.iso(), horizon.iso()}))
    ids.push_back(row.integer(0));
  return ids;
}

bool has_commented(store::Database& db, std::int64_t consultation_id, const std::string& state_iso3) {
  return !db.query("SELECT 1 FROM announcement_comments WHERE announcement_id = $1 AND state_iso3 = $2 LIMIT 1",
                   {consultation_id, state_iso3})
              .empty();
}

// Records the reminder of this State; false when it was sent before (or by another run now).
bool take_reminder(store::Database& db, std::int64_t consultation_id, const std::string& state_iso3, Timestamp now) {
  return !db.query(
                "INSERT INTO consultation_reminders (announcement_id, state_iso3, sent_at) VALUES ($1, $2, $3)"
                " ON CONFLICT (announcement_id, state_iso3) DO NOTHING RETURNING announcement_id",
                {consultation_id, state_iso3, now.iso()})
              .empty();
}

}  // namespace

MailingReport send_reminders(store::Database& db, const text::Catalog& catalog, const StatesRegister& states_register,
                             const MailingSettings& settings, Timestamp now) {
  MailingReport report;
  const auto consultations = consultations_closing(db, settings, now);
  if (consultations.empty()) return report;
  const auto by_state = representatives(db, states_register, now.date());
  for (const auto id : consultations) {
    for (const auto& [state_iso3, people] : by_state) {
      // Each as themselves: whoever is outside the audience does not even learn the title.
      std::vector<std::pair<const Recipient*, exchange::Announcement>> inside;
      for (const auto& person : people) {
        auto seen = exchange::find_announcement(db, person.viewer, id);
        if (seen && auth::may_comment_on(person.viewer, seen->audience)) inside.emplace_back(&person, std::move(*seen));
      }
      if (inside.empty() || has_commented(db, id, state_iso3)) continue;
      store::Transaction transaction(db);
      if (!take_reminder(db, id, state_iso3, now)) continue;
      for (const auto& [person, consultation] : inside) {
        const auto* state = states_register.find_by_code(state_iso3);
        mail::queue_mail(db, catalog, person->language, "consultation_reminder", person->viewer.email,
                         {{"name", person->viewer.name},
                          {"title", one_line(consultation.title)},
                          {"deadline", text::format_timestamp(catalog, person->language, *consultation.deadline)},
                          {"state", state ? state->name(person->language) : state_iso3},
                          {"url", settings.public_url + "/announcements/" + std::to_string(id)}});
        ++report.reminders;
      }
      transaction.commit();
    }
  }
  return report;
}

}  // namespace att::notifications
