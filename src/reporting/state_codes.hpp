// Resolving the States named in an imported file, once per distinct spelling: a file names the
// same few dozen States on every one of its lines.
#pragma once

#include <map>
#include <string>

#include "core/states_register.hpp"

namespace att::reporting {

class StateCodes {
 public:
  explicit StateCodes(const StatesRegister& states_register) : register_(states_register) {}

  // The ISO3 code of a State given by code or name; an unresolved name comes back unchanged so
  // that validation can report it with suggestions.
  std::string code_of(const std::string& text) {
    if (text.empty()) return text;
    if (const auto cached = resolved_.find(text); cached != resolved_.end()) return cached->second;
    const auto resolved = register_.resolve(text);
    const auto code = resolved ? (*resolved)->iso3 : text;
    resolved_.emplace(text, code);
    return code;
  }

 private:
  const StatesRegister& register_;
  std::map<std::string, std::string> resolved_;
};

}  // namespace att::reporting
