#include "web/about/feature.hpp"

#include "web/about/about_pages.hpp"

namespace att::web {

Feature about_feature() { return {"about", add_about_pages, {}}; }

}  // namespace att::web
