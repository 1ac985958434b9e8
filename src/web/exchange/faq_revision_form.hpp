// /faq/revise: the form with which the Secretariat (whoever may publish announcements) adds a new
// revision of one numbered question of the guidance, in English and, when translated, French and
// Spanish, naming the meeting that adopted it. The other questions stay as they were and every
// earlier wording stays readable at /faq/{n}/history. Without script: it posts, and either goes
// to the question's history or shows the form again with what was typed and each error.
#pragma once

#include "web/http/router.hpp"
#include "web/kit/app_context.hpp"

namespace att::web {

void add_faq_revision_form(Router& router, const AppContext& app);

}  // namespace att::web
