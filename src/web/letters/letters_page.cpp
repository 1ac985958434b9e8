#include "web/letters/letters_page.hpp"

#include <set>

#include "auth/audit_log.hpp"
#include "core/compliance/overdue.hpp"
#include "exchange/guidance_links.hpp"
#include "mail/mail_text.hpp"
#include "reporting/compliance_facts.hpp"
#include "reporting/points_of_contact.hpp"
#include "reporting/reminder_letters_store.hpp"
#include "text/dates.hpp"
#include "text/reminder_letter.hpp"
#include "web/kit/guard.hpp"
#include "web/kit/page.hpp"
#include "web/kit/printable.hpp"
#include "web/reports/report_paths.hpp"

namespace att::web {

namespace {

// Reminder letters are the Secretariat's work: the permission only the Secretariat holds.
constexpr auto may_write_letters = auth::Permission::enter_report_on_behalf;

// The fields of the request: the query of a GET, the form of a POST (the State is repeated).
std::vector<std::pair<std::string, std::string>> fields(const HttpRequest& request) {
  return parse_query(request.method == HttpMethod::get ? request.query_string : request.body);
}

std::optional<std::string> field(const HttpRequest& request, const std::string& name) {
  for (auto& [key, value] : fields(request))
    if (key == name) return value;
  return std::nullopt;
}

// A letter drafted for one chosen State, to its point of contact.
struct Draft {
  const compliance::StateOverdue* owed = nullptr;
  reporting::PointOfContact contact;
  nlohmann::json context;
};

// The date, the States with overdue reports on it, and the letters to those chosen ("all"
// chooses every one of them).
struct Selection {
  Date as_of = today_utc();
  std::string error;
  std::vector<compliance::StateOverdue> owing;
  std::vector<Draft> drafts;
};

Selection select(const AppContext& app, const HttpRequest& request, store::Database& db, Language language) {
  Selection selection;
  if (const auto text = field(request, "as_of"); text && !text->empty()) {
    if (const auto parsed = Date::parse(*text))
      selection.as_of = *parsed;
    else
      selection.error = app.catalog.text(language, "letters_page.bad_date", {{"value", text->substr(0, 40)}});
  }
  const auto facts = reporting::report_facts(db, request.visit.viewer);
  selection.owing = compliance::overdue_states(*app.states, selection.as_of, app.obligation_rules, facts);
  const auto guidance = exchange::guidance_question(db, app.data_dir, "reporting_obligations");
  std::set<std::string> chosen;
  const bool all = field(request, "all").has_value();
  for (auto& [key, value] : fields(request))
    if (key == "state") chosen.insert(value);
  for (const auto& owed : selection.owing) {
    if (!all && !chosen.contains(owed.state->iso3)) continue;
    auto contact = reporting::point_of_contact(db, owed.state->iso3);
    auto context = text::reminder_letter_context(app.catalog, owed, selection.as_of, {contact.name, contact.language},
                                                 app.auth.public_url, guidance);
    selection.drafts.push_back({&owed, std::move(contact), std::move(context)});
  }
  return selection;
}

std::string channel_label(const AppContext& app, Language language, const std::string& channel) {
  return app.catalog.text(language, "letters_page.channel_" + channel);
}

nlohmann::json logged_letters(const AppContext& app, store::Database& db, Language language, const std::string& iso3) {
  nlohmann::json letters = nlohmann::json::array();
  for (const auto& letter : reporting::letters_to(db, iso3)) {
    std::string reports;
    for (const auto& report : letter.reports)
      reports += (reports.empty() ? "" : ", ") +
                 (report.kind == compliance::ReportKind::initial
                      ? app.catalog.text(language, "letters.initial_report")
                      : app.catalog.text(language, "letters.annual_report", {{"year", std::to_string(report.year)}}));
    letters.push_back(
        {{"id", std::to_string(letter.id)},
         {"date", text::format_date(app.catalog, language, letter.as_of.iso())},
         {"channel", channel_label(app, language, letter.channel)},
         {"reports", reports},
         {"replied", letter.reply_received.has_value()},
         {"reply_date",
          letter.reply_received ? text::format_date(app.catalog, language, letter.reply_received->iso()) : ""},
         {"reply_note", letter.reply_note}});
  }
  return letters;
}

HttpResponse letters_page(const AppContext& app, HttpRequest& request, const std::string& notice, int status = 200) {
  if (auto refusal = refuse_unless(app, request, may_write_letters)) return std::move(*refusal);
  const auto language = language_of(request);
  auto db = app.pool->acquire();
  const auto selection = select(app, request, *db, language);
  std::set<std::string> chosen;
  nlohmann::json previews = nlohmann::json::array();
  for (const auto& draft : selection.drafts) {
    const auto& iso3 = draft.owed->state->iso3;
    chosen.insert(iso3);
    previews.push_back({{"iso3", iso3},
                        {"name", draft.owed->state->name(language)},
                        {"recipients", draft.contact.emails.size()},
                        {"no_contact", draft.contact.emails.empty()},
                        {"letter", text::reminder_letter_part(app.catalog, app.views, draft.contact.language,
                                                              draft.context)},
                        {"logged", logged_letters(app, *db, language, iso3)}});
  }
  nlohmann::json states = nlohmann::json::array();
  for (const auto& owed : selection.owing)
    states.push_back({{"iso3", owed.state->iso3},
                      {"name", owed.state->name(language)},
                      {"count", owed.overdue.size()},
                      {"checked", chosen.contains(owed.state->iso3)}});
  return render_page(app, request, choose_language(request), "letters/page",
                     {{"title", app.catalog.text(language, "letters_page.title")},
                      {"as_of", selection.as_of.iso()},
                      {"as_of_text", text::format_date(app.catalog, language, selection.as_of.iso())},
                      {"error", selection.error},
                      {"notice", notice},
                      {"states", states},
                      {"has_states", !states.empty()},
                      {"previews", previews},
                      {"has_previews", !previews.empty()}},
                     selection.error.empty() ? status : 400);
}

std::string mail_reports(const AppContext& app, Language language, const nlohmann::json& context) {
  std::string lines;
  for (const auto& report : context["reports"])
    lines += "- " + report["name"].get<std::string>() + ", " + app.catalog.text(language, "letters.due") + " " +
             report["due"].get<std::string>() + " (" + report["days_late"].get<std::string>() + ")\n";
  return lines;
}

// Each letter goes to every reporting officer of its State, queued in the same transaction as
// its entry in the log: a letter is logged as sent exactly when its mail will go out.
HttpResponse send_letters(const AppContext& app, HttpRequest& request) {
  if (auto refusal = refuse_unless(app, request, may_write_letters)) return std::move(*refusal);
  const auto language = language_of(request);
  std::size_t sent = 0;
  std::vector<std::string> without_contact;
  bool bad_request = false;
  {
    auto db = app.pool->acquire();
    const auto selection = select(app, request, *db, language);
    bad_request = !selection.error.empty();
    const auto now = Timestamp::now();
    for (const auto& draft : selection.drafts) {
      if (bad_request) break;
      const auto& iso3 = draft.owed->state->iso3;
      if (draft.contact.emails.empty()) {
        without_contact.push_back(draft.owed->state->name(language));
        continue;
      }
      store::Transaction transaction(*db);
      const auto id = reporting::log_letter(*db, iso3, selection.as_of, draft.contact.language, "email",
                                            reporting::reports_listed(*draft.owed), now);
      for (const auto& email : draft.contact.emails)
        mail::queue_mail(*db, app.catalog, draft.contact.language, "reminder_letter", email,
                         {{"name", draft.contact.name},
                          {"state", draft.owed->state->name(draft.contact.language)},
                          {"date", draft.context["date"].get<std::string>()},
                          {"reports", mail_reports(app, draft.contact.language, draft.context)},
                          {"url", app.auth.public_url + "/reports"},
                          {"guidance", draft.context["guidance"].get<std::string>().empty()
                                           ? std::string()
                                           : " " + draft.context["guidance"].get<std::string>()}});
      auth::append_audit(*db, audit_entry(request, "reminder_letter_sent", "state:" + iso3,
                                          "letter:" + std::to_string(id)),
                         now);
      transaction.commit();
      ++sent;
    }
  }
  // The page is drawn once the connection is back in the pool.
  if (bad_request) return letters_page(app, request, "", 400);
  auto notice = app.catalog.text(language, "letters_page.sent", {{"count", std::to_string(sent)}});
  for (const auto& name : without_contact)
    notice += " " + app.catalog.text(language, "letters_page.no_contact", {{"state", name}});
  return letters_page(app, request, notice);
}

// All the letters chosen in one PDF, a page break between them; each logged once printed.
HttpResponse letters_pdf(const AppContext& app, HttpRequest& request) {
  if (auto refusal = refuse_unless(app, request, may_write_letters)) return std::move(*refusal);
  const auto language = language_of(request);
  auto printed = [&]() -> std::optional<HttpResponse> {
    auto db = app.pool->acquire();
    const auto selection = select(app, request, *db, language);
    if (!selection.error.empty() || selection.drafts.empty()) return std::nullopt;
    std::vector<text::LetterPart> parts;
    for (const auto& draft : selection.drafts) parts.push_back({draft.contact.language, draft.context});
    const auto html = text::reminder_letters_html(app.catalog, app.views, language, parts);
    auto response = pdf_of_html(app, request, language, html, "reminder-letters-" + selection.as_of.iso() + ".pdf");
    if (response.status != 200) return response;
    store::Transaction transaction(*db);
    const auto now = Timestamp::now();
    for (const auto& draft : selection.drafts)
      reporting::log_letter(*db, draft.owed->state->iso3, selection.as_of, draft.contact.language, "pdf",
                            reporting::reports_listed(*draft.owed), now);
    transaction.commit();
    return response;
  }();
  if (printed) return std::move(*printed);
  return letters_page(app, request, app.catalog.text(language, "letters_page.none_chosen"), 400);
}

HttpResponse record_reply(const AppContext& app, HttpRequest& request) {
  if (auto refusal = refuse_unless(app, request, may_write_letters)) return std::move(*refusal);
  const auto language = language_of(request);
  const auto id = positive_number(request.path_param("id"));
  const auto received = Date::parse(request.form_or_empty("received"));
  const auto note = request.form_or_empty("note");
  if (!id || !received || note.size() > 2000)
    return letters_page(app, request, app.catalog.text(language, "letters_page.bad_reply"), 400);
  {
    auto db = app.pool->acquire();
    if (!reporting::record_reply(*db, *id, *received, note))
      return letters_page(app, request, app.catalog.text(language, "letters_page.no_letter"), 404);
  }
  return letters_page(app, request, app.catalog.text(language, "letters_page.reply_recorded"));
}

}  // namespace

void add_letters_page(Router& router, const AppContext& app) {
  router.add(HttpMethod::get, "/status/letters", [&app](HttpRequest& r) { return letters_page(app, r, ""); });
  router.add(HttpMethod::post, "/status/letters/send", [&app](HttpRequest& r) { return send_letters(app, r); });
  router.add(HttpMethod::post, "/status/letters/pdf", [&app](HttpRequest& r) { return letters_pdf(app, r); });
  router.add(HttpMethod::post, "/status/letters/{id}/reply", [&app](HttpRequest& r) { return record_reply(app, r); });
}

}  // namespace att::web
