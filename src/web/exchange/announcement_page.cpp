#include "web/exchange/announcement_page.hpp"

#include <algorithm>

#include "auth/policy.hpp"
#include "exchange/announcement_documents.hpp"
#include "exchange/announcements_store.hpp"
#include "text/dates.hpp"
#include "text/markdown.hpp"
#include "web/exchange/announcement_changes.hpp"
#include "web/exchange/attached_documents.hpp"
#include "web/exchange/comment_threads.hpp"
#include "web/exchange/exchange_view.hpp"
#include "web/kit/guard.hpp"
#include "web/kit/language.hpp"
#include "web/kit/page.hpp"
#include "web/reports/report_paths.hpp"

namespace att::web {

namespace {

using exchange::CommentOutcome;

// What the comment form holds: empty on a first visit, what was typed after a refusal.
struct CommentForm {
  std::optional<std::int64_t> editing;   // the comment being edited, else a new one
  std::optional<std::int64_t> reply_to;  // for a new comment
  std::string section;                   // the number as typed, "" for the whole announcement
  std::string body;
  std::string body_error;
  std::string section_error;
  std::string error;  // about the whole form (closed, refused)
};

std::string author_line(const AppContext& app, Language language, const exchange::Comment& comment) {
  const auto state = state_name(app, language, comment.state_iso3);
  return state.empty() ? comment.author_name : comment.author_name + " (" + state + ")";
}

nlohmann::json comment_view(const AppContext& app, Language language, store::Database& db, const auth::Viewer& viewer,
                            const exchange::Announcement& announcement, const ThreadedComment& threaded,
                            bool open_for_comments) {
  const auto& comment = *threaded.comment;
  nlohmann::json edits = nlohmann::json::array();
  if (comment.edited_at) {
    for (const auto& edit : exchange::edits_of(db, viewer, announcement.id, comment.id))
      edits.push_back({{"replaced_at", text::format_timestamp(app.catalog, language, edit.replaced_at)},
                       {"body_html", text::markdown_html(edit.previous_body)}});
  }
  const bool own = viewer.user_id && *viewer.user_id == comment.author_id && !viewer.roles.empty();
  const auto base = "/announcements/" + std::to_string(announcement.id);
  return {{"id", std::to_string(comment.id)},
          {"depth", std::to_string(std::min<std::size_t>(threaded.depth, 4))},
          {"is_reply", threaded.depth > 0},
          {"author", author_line(app, language, comment)},
          {"body_html", text::markdown_html(comment.body)},
          {"created_at", text::format_timestamp(app.catalog, language, comment.created_at)},
          {"edited", comment.edited_at.has_value()},
          {"edited_at", comment.edited_at ? text::format_timestamp(app.catalog, language, *comment.edited_at) : ""},
          {"edits", edits},
          {"has_edits", !edits.empty()},
          {"may_reply", open_for_comments},
          {"may_edit", open_for_comments && own},
          {"reply_href", base + "?reply_to=" + std::to_string(comment.id) + "#comment-form"},
          {"edit_href", base + "?edit=" + std::to_string(comment.id) + "#comment-form"}};
}

// The words of a problem a form of this page was sent back with (?error=<name>): only the
// catalogue's, and only for `name`, so the address never supplies text.
std::string page_error(const AppContext& app, Language language, const HttpRequest& request, const std::string& name) {
  return request.query("error") == name ? app.catalog.text(language, "exchange.errors." + name) : std::string();
}

HttpResponse announcement_page(const AppContext& app, const HttpRequest& request, std::int64_t id, CommentForm form,
                               int status = 200) {
  const auto language = language_of(request);
  const auto t = [&](const std::string& key) { return app.catalog.text(language, key); };
  const auto& viewer = request.visit.viewer;
  auto db = app.pool->acquire();
  const auto announcement = exchange::find_announcement(*db, viewer, id);
  if (!announcement) return page_not_found(app, request);
  const auto comments = exchange::comments_on(*db, viewer, id);
  const auto now = Timestamp::now();
  const bool taking = exchange::takes_comments(*announcement, now);
  const bool may_comment = auth::may_comment_on(viewer, announcement->audience);
  const bool open_for_comments = taking && may_comment;

  nlohmann::json groups = nlohmann::json::array();
  for (const auto& group : threads_by_section(*announcement, comments, false)) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& threaded : group.comments)
      items.push_back(comment_view(app, language, *db, viewer, *announcement, threaded, open_for_comments));
    groups.push_back({{"heading", section_label(app, language, *announcement, group.section)}, {"comments", items}});
  }
  nlohmann::json sections = nlohmann::json::array();
  nlohmann::json section_options = nlohmann::json::array({{{"value", ""}, {"label", t("exchange.general_section")}}});
  for (std::size_t i = 0; i < announcement->sections.size(); ++i) {
    const auto number = static_cast<std::int64_t>(i + 1);
    sections.push_back({{"label", section_label(app, language, *announcement, number)}});
    section_options.push_back({{"value", std::to_string(number)},
                               {"label", section_label(app, language, *announcement, number)},
                               {"selected", form.section == std::to_string(number)}});
  }
  // The form shows the comment answered, or the comment being edited with its current wording.
  std::string replying_to;
  if (form.reply_to) {
    for (const auto& comment : comments)
      if (comment.id == *form.reply_to) replying_to = author_line(app, language, comment);
    if (replying_to.empty()) form.reply_to.reset();
  }
  if (form.editing) {
    const auto mine = std::find_if(comments.begin(), comments.end(), [&](const auto& comment) {
      return comment.id == *form.editing && viewer.user_id == comment.author_id;
    });
    if (mine == comments.end())
      form.editing.reset();
    else if (form.body.empty() && form.body_error.empty())
      form.body = mine->body;
  }
  const auto base = "/announcements/" + std::to_string(id);
  nlohmann::json status_options = nlohmann::json::array();
  for (const auto choice : {exchange::Status::open, exchange::Status::closed, exchange::Status::archived}) {
    const std::string value(exchange::to_string(choice));
    status_options.push_back(
        {{"value", value}, {"label", t("exchange.statuses." + value)}, {"selected", choice == announcement->status}});
  }
  const bool may_publish = auth::may(viewer, auth::Permission::publish_announcements);
  auto documents = attached_documents_view(app, language, exchange::documents_of(*db, viewer, id));
  for (auto& document : documents)
    document["remove_action"] = base + "/documents/" + std::to_string(document["id"].get<std::int64_t>()) + "/remove";
  nlohmann::json context = announcement_view(app, language, *announcement);
  context.update(
      {{"title", announcement->title},
       {"body_html", text::markdown_html(announcement->body)},
       {"sections", sections},
       {"has_sections", !sections.empty()},
       {"groups", groups},
       {"has_comments", !comments.empty()},
       {"taking_comments", taking},
       {"open_for_comments", open_for_comments},
       {"read_only", !taking},
       {"sign_in_to_comment", taking && viewer.is_anonymous()},
       {"may_not_comment", taking && !viewer.is_anonymous() && !may_comment},
       {"form_action", form.editing ? base + "/comments/" + std::to_string(*form.editing) : base + "/comments"},
       {"editing", form.editing.has_value()},
       {"reply_to", form.reply_to ? std::to_string(*form.reply_to) : ""},
       {"replying_to", replying_to},
       {"section_options", section_options},
       {"form_body", form.body},
       {"body_error", form.body_error},
       {"section_error", form.section_error},
       {"form_error", form.error},
       {"may_publish", may_publish},
       {"documents", documents},
       {"has_documents", !documents.empty()},
       {"documents_action", base + "/documents"},
       {"documents_error", page_error(app, language, request, "unknown_document")},
       {"deadline_action", base + "/deadline"},
       {"deadline_value", announcement->deadline ? deadline_for_form(*announcement->deadline) : ""},
       {"deadline_error", page_error(app, language, request, "deadline_form")},
       {"status_options", status_options},
       {"status_action", base + "/status"},
       {"inventory_href", base + "/inventory"},
       {"inventory_api", "/api/v1/announcements/" + std::to_string(id) + "/inventory"},
       {"sign_in_href", "/sign-in?next=" + percent_encode(base)}});
  auto response =
      render_page(app, request, choose_language(request), "exchange/announcement", std::move(context), status);
  response.set_private_no_store();
  return response;
}

std::optional<std::int64_t> number_in_query(const HttpRequest& request, std::string_view name) {
  const auto text = request.query(name);
  return text ? positive_number(*text) : std::nullopt;
}

HttpResponse show(const AppContext& app, const HttpRequest& request) {
  const auto id = id_in_path(request, "id");
  if (!id) return page_not_found(app, request);
  CommentForm form;
  form.reply_to = number_in_query(request, "reply_to");
  form.editing = number_in_query(request, "edit");
  return announcement_page(app, request, *id, std::move(form));
}

bool is_blank(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

// A comment not taken: the page again, with what was typed and the reason next to its field.
HttpResponse not_taken(const AppContext& app, const HttpRequest& request, std::int64_t id, CommentForm form,
                       CommentOutcome outcome) {
  const auto language = language_of(request);
  const auto t = [&](const char* key) { return app.catalog.text(language, key); };
  switch (outcome) {
    case CommentOutcome::not_found: return page_not_found(app, request);
    case CommentOutcome::refused:
      form.error = t("exchange.errors.may_not_comment");
      return announcement_page(app, request, id, std::move(form), 403);
    case CommentOutcome::read_only:
      form.error = t("exchange.errors.comments_closed");
      return announcement_page(app, request, id, std::move(form), 409);
    case CommentOutcome::invalid:
    case CommentOutcome::done: break;
  }
  if (is_blank(form.body))
    form.body_error = t("exchange.errors.comment_body");
  else
    form.section_error = t("exchange.errors.invalid_comment");
  return announcement_page(app, request, id, std::move(form), 400);
}

HttpResponse comment(const AppContext& app, HttpRequest& request) {
  const auto id = id_in_path(request, "id");
  if (!id) return page_not_found(app, request);
  CommentForm form;
  form.body = request.form_or_empty("body");
  form.section = request.form_or_empty("section");
  form.reply_to = positive_number(request.form_or_empty("reply_to"));
  exchange::NewComment comment{form.body, form.reply_to, std::nullopt};
  if (!form.section.empty()) {
    comment.section = positive_number(form.section);
    // An unreadable section is an unknown one: the store refuses it as it refuses section 99.
    if (!comment.section) comment.section = 0;
  }
  auto result = [&] {
    auto db = app.pool->acquire();
    return exchange::add_comment(*db, request.visit.viewer, *id, comment, Timestamp::now());
  }();
  if (result.outcome != CommentOutcome::done) return not_taken(app, request, *id, std::move(form), result.outcome);
  return HttpResponse::redirect("/announcements/" + std::to_string(*id) + "#comment-" +
                                std::to_string(result.comment_id));
}

HttpResponse edit(const AppContext& app, HttpRequest& request) {
  const auto id = id_in_path(request, "id");
  const auto comment_id = id_in_path(request, "comment");
  if (!id || !comment_id) return page_not_found(app, request);
  CommentForm form;
  form.editing = comment_id;
  form.body = request.form_or_empty("body");
  auto result = [&] {
    auto db = app.pool->acquire();
    return exchange::edit_comment(*db, request.visit.viewer, *id, *comment_id, form.body, Timestamp::now());
  }();
  if (result.outcome != CommentOutcome::done) return not_taken(app, request, *id, std::move(form), result.outcome);
  return HttpResponse::redirect("/announcements/" + std::to_string(*id) + "#comment-" + std::to_string(*comment_id));
}

HttpResponse change_status(const AppContext& app, HttpRequest& request) {
  const auto id = id_in_path(request, "id");
  if (!id) return page_not_found(app, request);
  if (auto refusal = refuse_unless(app, request, auth::Permission::publish_announcements)) return std::move(*refusal);
  const auto status = exchange::status_from_string(request.form_or_empty("status"));
  bool changed = false;
  if (status) {
    auto db = app.pool->acquire();
    changed = set_status_with_audit(*db, request, *id, *status);
  }
  if (!changed && !status) {
    CommentForm form;
    form.error = app.catalog.text(language_of(request), "exchange.errors.status");
    return announcement_page(app, request, *id, std::move(form), 400);
  }
  if (!changed) return page_not_found(app, request);
  return HttpResponse::redirect("/announcements/" + std::to_string(*id));
}

}  // namespace

void add_announcement_page(Router& router, const AppContext& app) {
  router.add(HttpMethod::get, "/announcements/{id}", [&app](HttpRequest& r) { return show(app, r); });
  router.add(HttpMethod::post, "/announcements/{id}/comments", [&app](HttpRequest& r) { return comment(app, r); });
  router.add(HttpMethod::post, "/announcements/{id}/comments/{comment}",
             [&app](HttpRequest& r) { return edit(app, r); });
  router.add(HttpMethod::post, "/announcements/{id}/status", [&app](HttpRequest& r) { return change_status(app, r); });
}

}  // namespace att::web
