#include "text/reminder_letter.hpp"

#include "text/dates.hpp"
#include "text/printed_document.hpp"

namespace att::text {

nlohmann::json reminder_letter_context(const Catalog& catalog, const compliance::StateOverdue& owed, Date as_of,
                                       const LetterAddressee& addressee, const std::string& public_url,
                                       std::optional<std::int64_t> guidance_question) {
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
          {"help", catalog.text(language, "letters.help", {{"url", public_url + "/reports"}})},
          {"guidance", guidance_question ? catalog.text(language, "letters.guidance",
                                                        {{"number", std::to_string(*guidance_question)},
                                                         {"url", public_url + "/faq/" + std::to_string(*guidance_question)}})
                                         : std::string()}};
}

std::string reminder_letter_html(const Catalog& catalog, const Views& views, const compliance::StateOverdue& owed,
                                 Date as_of, const LetterAddressee& addressee, const std::string& public_url,
                                 std::optional<std::int64_t> guidance_question) {
  return printable_html(catalog, views, addressee.language, "letters/reminder",
                        reminder_letter_context(catalog, owed, as_of, addressee, public_url, guidance_question));
}

std::string reminder_letter_part(const Catalog& catalog, const Views& views, Language language,
                                 nlohmann::json context) {
  context["t"] = catalog.tree(language);
  return "<div class=\"letter-sheet\" lang=\"" + std::string(code_of(language)) + "\">" +
         views.render("letters/reminder", context) + "</div>";
}

std::string reminder_letters_html(const Catalog& catalog, const Views& views, Language language,
                                  const std::vector<LetterPart>& letters) {
  std::string content;
  for (const auto& letter : letters) content += reminder_letter_part(catalog, views, letter.language, letter.context);
  return printable_html_of(catalog, views, language, catalog.text(language, "letters_page.file_title"), content);
}

}  // namespace att::text
