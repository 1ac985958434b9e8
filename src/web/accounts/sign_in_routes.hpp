// Signing in (password, then the second factor when the account has one) and signing out.
#pragma once

#include "web/kit/app_context.hpp"
#include "web/http/router.hpp"

namespace att::web {

void add_sign_in_routes(Router& router, const AppContext& app);

// Starts a fresh session (a new token every time: no fixation) and sets its cookie.
void start_session(const AppContext& app, store::Database& db, HttpRequest& request, std::int64_t user_id,
                   bool second_factor_done);

}  // namespace att::web
