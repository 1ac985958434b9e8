#include "web/problems/problem_form.hpp"

#include <algorithm>

#include "auth/audit_log.hpp"
#include "exchange/problem_reports_store.hpp"
#include "web/kit/form_page.hpp"
#include "web/kit/guard.hpp"
#include "web/kit/return_path.hpp"

namespace att::web {

namespace {

using auth::Permission;

constexpr std::size_t max_description = 10000;
constexpr std::size_t max_page = 2000;

// The page the report is about: only an address of this site is kept, anything else is dropped
// (a crafted link must not make the Secretariat follow it elsewhere).
std::string attached_page(const std::string& candidate) {
  return candidate.size() <= max_page && is_same_origin_path(candidate) ? candidate : std::string();
}

FormPage problem_form(const AppContext& app, Language language, const HttpRequest& request) {
  const auto t = [&](const std::string& key) { return app.catalog.text(language, key); };
  // The page comes in the query on the way in and in the form after a failed submission.
  const auto page_address =
      attached_page(request.form("page").value_or(request.query("page").value_or(std::string())));
  FormPage page;
  page.title = t("problem_reports.new_title");
  page.intro = page_address.empty() ? t("problem_reports.new_intro")
                                    : app.catalog.text(language, "problem_reports.new_intro_page", {{"page", page_address}});
  page.action = "/problems";
  page.submit = t("problem_reports.submit");
  FormField attached;
  attached.name = "page";
  attached.type = "hidden";
  attached.value = page_address;
  attached.required = false;
  FormField category;
  category.name = "category";
  category.label = t("problem_reports.field_category");
  category.type = "select";
  category.value = request.form_or_empty("category");
  category.required = false;
  category.max_length = 30;
  for (const auto choice : exchange::all_problem_categories) {
    const std::string value(exchange::to_string(choice));
    category.options.push_back({value, t("problem_reports.categories." + value)});
  }
  FormField description;
  description.name = "description";
  description.label = t("problem_reports.field_description");
  description.type = "textarea";
  description.value = request.form_or_empty("description");
  description.help = t("problem_reports.field_description_help");
  description.max_length = max_description;
  page.fields = {attached, category, description};
  page.links = {{"/problems", t("problem_reports.own_title")}};
  return page;
}

HttpResponse show(const AppContext& app, HttpRequest& request) {
  if (auto refusal = refuse_unless(app, request, Permission::report_problems)) return std::move(*refusal);
  return render_form(app, request, problem_form(app, language_of(request), request));
}

HttpResponse submit(const AppContext& app, HttpRequest& request) {
  if (auto refusal = refuse_unless(app, request, Permission::report_problems)) return std::move(*refusal);
  const auto language = language_of(request);
  const auto t = [&](const char* key) { return app.catalog.text(language, key); };
  auto page = problem_form(app, language, request);
  const auto field = [&](std::string_view name) -> FormField& {
    return *std::find_if(page.fields.begin(), page.fields.end(), [&](const auto& f) { return f.name == name; });
  };
  exchange::NewProblemReport report;
  report.page = field("page").value;
  report.description = request.form_or_empty("description");
  bool wrong = false;
  if (report.description.find_first_not_of(" \t\r\n") == std::string::npos ||
      report.description.size() > max_description) {
    field("description").error = t("problem_reports.errors.description");
    wrong = true;
  }
  const auto category_text = request.form_or_empty("category");
  if (!category_text.empty()) {
    if (const auto category = exchange::problem_category_from_string(category_text)) {
      report.category = *category;
    } else {
      field("category").error = t("problem_reports.errors.category");
      wrong = true;
    }
  }
  if (wrong) {
    page.error = t("errors.heading");
    return render_form(app, request, page, 400);
  }
  const auto now = Timestamp::now();
  auto db = app.pool->acquire();
  store::Transaction transaction(*db);
  const auto id = exchange::report_problem(*db, request.visit.viewer, report, now);
  if (!id) return render_form(app, request, page, 403);
  auth::append_audit(*db, audit_entry(request, "problem_reported", "problem_report:" + std::to_string(*id), report.page),
                     now);
  transaction.commit();
  return HttpResponse::redirect("/problems/" + std::to_string(*id));
}

}  // namespace

void add_problem_form(Router& router, const AppContext& app) {
  router.add(HttpMethod::get, "/problems/new", [&app](HttpRequest& r) { return show(app, r); });
  router.add(HttpMethod::post, "/problems", [&app](HttpRequest& r) { return submit(app, r); });
}

}  // namespace att::web
