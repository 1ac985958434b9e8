// What every feature's handlers share: strings, templates and the loaded register.
#pragma once

#include <memory>

#include "core/states_register.hpp"
#include "web/i18n.hpp"
#include "web/views.hpp"

namespace att::web {

struct AppContext {
  Catalog catalog;
  Views views;
  std::shared_ptr<const StatesRegister> states;
};

}  // namespace att::web
