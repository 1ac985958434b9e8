#include "text/reminder_letter.hpp"

#include "text/dates.hpp"
#include "text/printed_document.hpp"

namespace att::text {

nlohmann::json reminder_letter_context(const Catalog& catalog, const compliance::StateOverdue& owed, Date as_of,
                                       const LetterAddressee& addressee, const std::string& public_url) {
  const auto language = addressee.language;
  const auto& state = owed.state->name(language);
  nlohmann::json reports = nlohmann::json::array();
  for (const auto& row : owed.overdue) {
    const auto& obligation = row.obligation;
    const auto name =
        obligation.kind == compliance::ReportKind::initial
            ? catalog.text(language, "letters.initial_report")
            : catalog.text(language, "letters.annual_report", {{"year", std::to_string(obligation.year)}});
    reports.push_back(
        {{"name", name},
         {"due", format_date(catalog, language, obligation.due.iso())},
         {"days_late", catalog.text(language, "letters.days_late", {{"days", std::to_string(row.status.days_late)}})}});
  }
  const auto date = format_date(catalog, language, as_of.iso());
  return {{"title", catalog.text(language, "letters.title", {{"state", state}})},
          {"iso3", owed.state->iso3},
          {"date", date},
          {"addressee",
           addressee.name.empty() ? catalog.text(language, "letters.national_point_of_contact") : addressee.name},
          {"state", state},
          {"opening", catalog.text(language, "letters.opening", {{"state", state}, {"date", date}})},
          {"reports", std::move(reports)},
          {"help", catalog.text(language, "letters.help", {{"url", public_url + "/reports"}})}};
}

std::string reminder_letter_html(const Catalog& catalog, const Views& views, const compliance::StateOverdue& owed,
                                 Date as_of, const LetterAddressee& addressee, const std::string& public_url) {
  return printable_html(catalog, views, addressee.language, "letters/reminder",
                        reminder_letter_context(catalog, owed, as_of, addressee, public_url));
}

}  // namespace att::text
