// What a request made with an API token may reach. A token never has more than its owner's
// rights; its scope narrows them.
#pragma once

#include <optional>
#include <string_view>

namespace att::auth {

enum class TokenScope {
  full,       // the owner's rights
  read,       // the owner's rights, reading only (GET and HEAD)
  reporting,  // the annual and initial reports of the owner's State, through the API only
};

inline constexpr TokenScope all_token_scopes[] = {TokenScope::full, TokenScope::read, TokenScope::reporting};

constexpr std::string_view to_string(TokenScope scope) {
  switch (scope) {
    case TokenScope::full: return "full";
    case TokenScope::read: return "read";
    case TokenScope::reporting: return "reporting";
  }
  return "full";
}

constexpr std::optional<TokenScope> token_scope_from_string(std::string_view text) {
  for (const auto scope : all_token_scopes) {
    if (to_string(scope) == text) return scope;
  }
  return std::nullopt;
}

}  // namespace att::auth
