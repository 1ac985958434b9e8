#include "reporting/transition_notices.hpp"

#include <map>

#include "auth/roles.hpp"
#include "core/language.hpp"
#include "mail/mail_text.hpp"
#include "text/dates.hpp"

namespace att::reporting {

namespace {

// The mail's kind (mails.<kind> in the catalogue) for each transition.
std::string kind_of(reports::Transition transition) {
  switch (transition) {
    case reports::Transition::amend: return "report_amended";
    case reports::Transition::recall: return "report_recalled";
    case reports::Transition::submit: break;
  }
  return "report_submitted";
}

std::string report_name(const NoticeWriter& writer, Language language, const TransitionNotice& notice) {
  if (!notice.year) return writer.catalog.text(language, "mails.report_names.initial");
  return writer.catalog.text(language, "mails.report_names.annual", {{"year", std::to_string(*notice.year)}});
}

std::string report_url(const NoticeWriter& writer, const TransitionNotice& notice) {
  if (!notice.year) return writer.public_url + "/reports";  // the initial report has no page of its own yet
  return writer.public_url + "/reports/" + notice.state + "/" + std::to_string(*notice.year);
}

}  // namespace

std::size_t notify(store::Database& db, const NoticeWriter& writer, const TransitionNotice& notice) {
  const auto* state = writer.states.find_by_code(notice.state);
  const auto officers = db.query(
      "SELECT u.email, u.language FROM users u JOIN user_roles r ON r.user_id = u.id"
      " WHERE u.state_iso3 = $1 AND u.active = 1 AND r.role = $2 ORDER BY u.id",
      {notice.state, std::string(to_string(auth::Role::reporting_officer))});
  for (const auto& officer : officers) {
    const auto language = language_from_code(officer.text(1)).value_or(Language::en);
    mail::queue_mail(db, writer.catalog, language, kind_of(notice.transition), officer.text(0),
                     {{"state", state ? state->name(language) : notice.state},
                      {"report", report_name(writer, language, notice)},
                      {"version", std::to_string(notice.version_no)},
                      {"received", text::format_date(writer.catalog, language, notice.received)},
                      {"hash", notice.content_hash},
                      {"reason", notice.reason},
                      {"url", report_url(writer, notice)}});
  }
  return officers.size();
}

}  // namespace att::reporting
