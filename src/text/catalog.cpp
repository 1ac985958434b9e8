#include "text/catalog.hpp"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "io/file.hpp"

namespace att::text {

namespace {

const nlohmann::json* find(const nlohmann::json& tree, std::string_view key) {
  const nlohmann::json* node = &tree;
  while (!key.empty()) {
    const auto dot = key.find('.');
    const std::string part(key.substr(0, dot));
    if (!node->is_object()) return nullptr;
    const auto child = node->find(part);
    if (child == node->end()) return nullptr;
    node = &*child;
    if (dot == std::string_view::npos) break;
    key.remove_prefix(dot + 1);
  }
  return node->is_string() ? node : nullptr;
}

void collect_keys(const nlohmann::json& tree, const std::string& prefix, std::vector<std::string>& keys) {
  for (const auto& [name, value] : tree.items()) {
    const auto key = prefix.empty() ? name : prefix + "." + name;
    if (value.is_object()) collect_keys(value, key, keys);
    else keys.push_back(key);
  }
}

}  // namespace

Catalog Catalog::load(const std::filesystem::path& i18n_dir) {
  Catalog catalog;
  for (const auto language : all_languages) {
    const auto path = i18n_dir / (std::string(code_of(language)) + ".json");
    auto text = io::read_file(path);
    if (!text) throw std::runtime_error(text.error());
    try {
      catalog.trees_[language] = nlohmann::json::parse(*text);
    } catch (const nlohmann::json::parse_error& error) {
      throw std::runtime_error(path.string() + ": " + error.what());
    }
  }
  return catalog;
}

std::string Catalog::text(Language language, std::string_view key) const {
  if (const auto* found = find(tree(language), key)) return found->get<std::string>();
  if (const auto* english = find(tree(Language::en), key)) return english->get<std::string>();
  std::fprintf(stderr, "att: error: no text for the message key %.*s\n", static_cast<int>(key.size()), key.data());
  if (const auto* missing = find(tree(language), "text.missing")) return missing->get<std::string>();
  return "(text unavailable)";
}

bool Catalog::has(Language language, std::string_view key) const { return find(tree(language), key) != nullptr; }

std::string Catalog::text(Language language, std::string_view key,
                          const std::map<std::string, std::string>& values) const {
  std::string result = text(language, key);
  for (const auto& [name, value] : values) {
    const std::string placeholder = "{" + name + "}";
    for (auto at = result.find(placeholder); at != std::string::npos; at = result.find(placeholder, at + value.size()))
      result.replace(at, placeholder.size(), value);
  }
  return result;
}

const nlohmann::json& Catalog::tree(Language language) const {
  static const nlohmann::json empty = nlohmann::json::object();
  const auto found = trees_.find(language);
  return found == trees_.end() ? empty : found->second;
}

std::vector<std::string> missing_translations(const Catalog& catalog) {
  std::vector<std::string> all_keys;
  for (const auto language : all_languages) collect_keys(catalog.tree(language), "", all_keys);
  std::vector<std::string> missing;
  for (const auto language : all_languages) {
    for (const auto& key : all_keys) {
      if (!find(catalog.tree(language), key)) missing.push_back(std::string(code_of(language)) + ": " + key);
    }
  }
  std::sort(missing.begin(), missing.end());
  missing.erase(std::unique(missing.begin(), missing.end()), missing.end());
  return missing;
}

}  // namespace att::text
