#include "web/kit/visit.hpp"

#include "auth/accounts_store.hpp"
#include "auth/api_tokens.hpp"
#include "auth/secrets.hpp"

namespace att::web {

namespace {

// Paths that never depend on who asks: no database look-up, no cookie.
bool needs_no_visitor(const HttpRequest& request) {
  return request.path.rfind("/static/", 0) == 0 || request.path == "/api/v1/health";
}

std::optional<std::string> bearer_token(const HttpRequest& request) {
  const auto header = request.header("authorization");
  if (!header || header->rfind("Bearer ", 0) != 0) return std::nullopt;
  return header->substr(7);
}

}  // namespace

bool is_state_changing(const HttpRequest& request) {
  return changes_state(request.method);
}

std::string cookie_header(const AppContext& app, const std::string& name, const std::string& value,
                          std::optional<long> max_age_seconds) {
  std::string header = name + "=" + value + "; Path=/; HttpOnly; SameSite=Lax";
  if (app.auth.secure_cookies) header += "; Secure";
  if (max_age_seconds) header += "; Max-Age=" + std::to_string(*max_age_seconds);
  return header;
}

void establish_visit(const AppContext& app, HttpRequest& request) {
  if (needs_no_visitor(request)) return;
  auto& visit = request.visit;
  const auto now = std::chrono::system_clock::now();
  const auto today = today_utc();

  if (const auto token = bearer_token(request)) {
    auto db = app.pool->acquire();
    if (const auto holder = auth::api_token_holder(*db, *token, now)) {
      if (const auto stored = auth::find_account(*db, holder->user_id)) {
        visit.viewer = auth::viewer_for(stored->account, *app.states, today, true);
        visit.viewer.token_scope = holder->scope;
        visit.via_api_token = true;
      }
    }
    return;
  }

  if (const auto token = request.cookie(session_cookie)) {
    auto db = app.pool->acquire();
    visit.session = auth::find_live_session(*db, *token, app.auth.sessions, now);
    if (visit.session) {
      const auto stored = auth::find_account(*db, visit.session->user_id);
      if (stored && stored->account.active) {
        visit.viewer = auth::viewer_for(stored->account, *app.states, today, visit.session->second_factor_done);
      } else {
        visit.session.reset();
      }
    }
    if (!visit.session) visit.cookies_to_set.push_back(cookie_header(app, session_cookie, "", 0));
  }

  if (visit.session) {
    visit.csrf_token = visit.session->csrf_token;
  } else if (const auto cookie = request.cookie(csrf_cookie); cookie && cookie->size() >= 32 && cookie->size() <= 64) {
    visit.csrf_token = *cookie;
  } else {
    visit.csrf_token = auth::random_token();
    visit.cookies_to_set.push_back(cookie_header(app, csrf_cookie, visit.csrf_token));
  }
}

bool is_forged(const HttpRequest& request) {
  if (!is_state_changing(request) || request.visit.via_api_token) return false;
  // htmx sends the token in a header; plain forms in a hidden field.
  const auto provided = request.header("x-csrf-token").value_or(request.form_or_empty("csrf_token"));
  return request.visit.csrf_token.empty() || provided.empty() ||
         !auth::constant_time_equal(provided, request.visit.csrf_token);
}

}  // namespace att::web
