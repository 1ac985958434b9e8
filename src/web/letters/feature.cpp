#include "web/letters/feature.hpp"

#include "web/letters/letters_page.hpp"

namespace att::web {

Feature letters_feature() {
  return {"letters", [](Router& router, const AppContext& app) { add_letters_page(router, app); }, {}};
}

}  // namespace att::web
