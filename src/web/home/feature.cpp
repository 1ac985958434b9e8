#include "web/home/feature.hpp"

#include "web/home/home_page.hpp"

namespace att::web {

Feature home_feature() {
  return {"home", add_home_page, {{.position = 10, .href = "/", .label_key = "nav.home"}}};
}

}  // namespace att::web
