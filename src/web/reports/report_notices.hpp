// The notices of report transitions, written with what the web application has: its catalogue,
// its register and its public address (for the link in the mail).
#pragma once

#include "reporting/transition_notices.hpp"
#include "web/kit/app_context.hpp"

namespace att::web {

inline reporting::NoticeWriter notice_writer(const AppContext& app) {
  return {app.catalog, *app.states, app.auth.public_url};
}

}  // namespace att::web
