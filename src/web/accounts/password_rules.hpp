// The rules for a new password, as a message in the user's language.
#pragma once

#include <optional>
#include <string>

#include "core/language.hpp"
#include "web/kit/app_context.hpp"

namespace att::web {

std::optional<std::string> password_problem_text(const AppContext& app, Language language, const std::string& password,
                                                 const std::string& email);

}  // namespace att::web
