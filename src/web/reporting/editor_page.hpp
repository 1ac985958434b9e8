// /reporting/{ISO3}/{year}: the annual report editor. A server-rendered form that works without
// JavaScript (each button posts the whole form, which is saved as the draft); editor.js adds
// rows in place, autosaves the same form and keeps unsaved edits in the browser.
#pragma once

#include "web/http/router.hpp"
#include "web/kit/app_context.hpp"

namespace att::web {

void add_report_editor(Router& router, const AppContext& app);

}  // namespace att::web
