#include "web/problems/feature.hpp"

#include "auth/policy.hpp"
#include "web/problems/problem_form.hpp"
#include "web/problems/problem_queue.hpp"

namespace att::web {

namespace {

bool answers_problem_reports(const auth::Viewer& viewer) {
  return auth::may(viewer, auth::Permission::answer_problem_reports);
}

void add_problem_routes(Router& router, const AppContext& app) {
  add_problem_form(router, app);
  add_problem_queue(router, app);
}

}  // namespace

// Everyone signed in reaches the form from the link in every page's footer; the menu entry is
// the Secretariat's queue.
Feature problems_feature() {
  return {"problems",
          add_problem_routes,
          {{.position = 85,
            .href = "/problems",
            .label_key = "nav.problem_reports",
            .current = NavEntry::Current::prefix,
            .shown_to = answers_problem_reports}}};
}

}  // namespace att::web
