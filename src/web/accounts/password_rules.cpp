#include "web/accounts/password_rules.hpp"

#include "auth/secrets.hpp"

namespace att::web {

std::optional<std::string> password_problem_text(const AppContext& app, Language language, const std::string& password,
                                                 const std::string& email) {
  const auto problem = auth::check_new_password(password, email);
  if (!problem) return std::nullopt;
  switch (*problem) {
    case auth::PasswordProblem::too_short:
      return app.catalog.text(language, "auth.password_too_short",
                              {{"min", std::to_string(auth::min_password_code_points)}});
    case auth::PasswordProblem::too_long: return app.catalog.text(language, "auth.password_too_long");
    case auth::PasswordProblem::same_as_email: return app.catalog.text(language, "auth.password_is_email");
    case auth::PasswordProblem::too_common: return app.catalog.text(language, "auth.password_too_common");
  }
  return std::nullopt;
}

}  // namespace att::web
