#include "web/exchange/publish_page.hpp"

#include <algorithm>

#include "core/ascii_text.hpp"
#include "exchange/announcements_store.hpp"
#include "web/exchange/announcement_changes.hpp"
#include "web/exchange/attached_documents.hpp"
#include "web/exchange/exchange_view.hpp"
#include "web/kit/form_page.hpp"
#include "web/kit/guard.hpp"

namespace att::web {

namespace {

using auth::Permission;

constexpr std::size_t max_title = 300;
constexpr std::size_t max_body = 50000;
constexpr std::size_t max_sections = 5000;

bool is_blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// One entry a line, blank lines skipped: the sections of a consultation, the documents attached.
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> sections;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = std::min(text.find('\n', start), text.size());
    auto line = trim_blanks(std::string_view(text).substr(start, end - start));
    if (!line.empty()) sections.push_back(std::move(line));
    start = end + 1;
  }
  return sections;
}

FormPage publish_form(const AppContext& app, Language language, const HttpRequest& request) {
  const auto t = [&](const std::string& key) { return app.catalog.text(language, key); };
  FormPage page;
  page.title = t("exchange.publish_title");
  page.intro = t("exchange.publish_intro");
  page.action = "/restricted/publish";
  page.submit = t("exchange.publish_submit");
  const auto typed = [&](const char* name, const char* fallback = "") {
    const auto value = request.form(name);
    return value ? *value : std::string(fallback);
  };
  // Designated initialisers would have to name every member (-Wmissing-field-initializers).
  const auto make = [&](const char* name, std::string label, std::string type, std::string value,
                        std::size_t max_length, std::string help = {}, bool required = true) {
    FormField made;
    made.name = name;
    made.label = std::move(label);
    made.type = std::move(type);
    made.value = std::move(value);
    made.max_length = max_length;
    made.help = std::move(help);
    made.required = required;
    return made;
  };
  auto title = make("title", t("exchange.field_title"), "text", typed("title"), max_title);
  auto body =
      make("body", t("exchange.field_body"), "textarea", typed("body"), max_body, t("exchange.field_body_help"));
  auto kind = make("kind", t("exchange.col_kind"), "select", typed("kind", "consultation"), 20);
  for (const auto* value : {"consultation", "announcement"})
    kind.options.push_back({value, t(std::string("exchange.kinds.") + value)});
  auto audience = make("audience", t("exchange.field_audience"), "select", typed("audience", "parties"), 20);
  for (const auto choice : auth::all_audiences) {
    const std::string value(auth::to_string(choice));
    audience.options.push_back({value, t("exchange.audiences." + value)});
  }
  auto deadline = make("deadline", t("exchange.field_deadline"), "text", typed("deadline"), 25,
                       t("exchange.field_deadline_help"), false);
  auto sections = make("sections", t("exchange.field_sections"), "textarea", typed("sections"), max_sections,
                       t("exchange.field_sections_help"), false);
  auto documents = make("documents", t("exchange.field_documents"), "textarea", typed("documents"), max_sections,
                        t("exchange.field_documents_help"), false);
  page.fields = {title, body, kind, audience, deadline, sections, documents};
  return page;
}

FormField& field(FormPage& page, std::string_view name) {
  return *std::find_if(page.fields.begin(), page.fields.end(), [&](const auto& f) { return f.name == name; });
}

HttpResponse show(const AppContext& app, HttpRequest& request) {
  if (auto refusal = refuse_unless(app, request, Permission::publish_announcements)) return std::move(*refusal);
  return render_form(app, request, publish_form(app, language_of(request), request));
}

HttpResponse publish(const AppContext& app, HttpRequest& request) {
  if (auto refusal = refuse_unless(app, request, Permission::publish_announcements)) return std::move(*refusal);
  const auto language = language_of(request);
  const auto t = [&](const char* key) { return app.catalog.text(language, key); };
  auto page = publish_form(app, language, request);
  exchange::NewAnnouncement announcement;
  bool wrong = false;
  const auto refuse = [&](std::string_view name, const char* key) {
    field(page, name).error = t(key);
    wrong = true;
  };
  announcement.title = trim_blanks(request.form_or_empty("title"));
  if (announcement.title.empty() || announcement.title.size() > max_title) refuse("title", "exchange.errors.title");
  announcement.body = request.form_or_empty("body");
  if (is_blank(announcement.body) || announcement.body.size() > max_body) refuse("body", "exchange.errors.body_text");
  if (const auto kind = exchange::kind_from_string(request.form_or_empty("kind")))
    announcement.kind = *kind;
  else
    refuse("kind", "exchange.errors.kind");
  if (const auto audience = auth::audience_from_string(request.form_or_empty("audience")))
    announcement.audience = *audience;
  else
    refuse("audience", "exchange.errors.audience");
  const auto deadline_text = trim_blanks(request.form_or_empty("deadline"));
  if (!deadline_text.empty()) {
    announcement.deadline = deadline_from_form(deadline_text);
    if (!announcement.deadline) refuse("deadline", "exchange.errors.deadline_form");
  }
  const auto sections_text = request.form_or_empty("sections");
  announcement.sections = lines_of(sections_text);
  if (sections_text.size() > max_sections) refuse("sections", "exchange.errors.sections");
  const auto id = [&]() -> std::optional<std::int64_t> {
    auto db = app.pool->acquire();
    const auto documents = resolve_documents(*db, request.visit.viewer, lines_of(request.form_or_empty("documents")));
    if (documents)
      announcement.documents = *documents;
    else
      refuse("documents", "exchange.errors.unknown_document");
    if (wrong) return std::nullopt;
    return publish_with_audit(*db, request, announcement);
  }();
  // The form is drawn once the connection is back in the pool.
  if (wrong) {
    page.error = t("errors.heading");
    return render_form(app, request, page, 400);
  }
  if (!id) return render_form(app, request, page, 403);
  return HttpResponse::redirect("/announcements/" + std::to_string(*id));
}

}  // namespace

void add_publish_page(Router& router, const AppContext& app) {
  router.add(HttpMethod::get, "/restricted/publish", [&app](HttpRequest& r) { return show(app, r); });
  router.add(HttpMethod::post, "/restricted/publish", [&app](HttpRequest& r) { return publish(app, r); });
}

}  // namespace att::web
