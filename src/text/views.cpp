#include "text/views.hpp"

#include <kainjow/mustache.hpp>

#include <stdexcept>

#include "io/file.hpp"

namespace att::text {

namespace {

namespace mst = kainjow::mustache;

mst::data to_mustache(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::object: {
      mst::data object{mst::data::type::object};
      for (const auto& [key, item] : value.items()) object.set(key, to_mustache(item));
      return object;
    }
    case nlohmann::json::value_t::array: {
      mst::data list{mst::data::type::list};
      for (const auto& item : value) list.push_back(to_mustache(item));
      return list;
    }
    case nlohmann::json::value_t::boolean:
      return value.get<bool>() ? mst::data{mst::data::type::bool_true} : mst::data{mst::data::type::bool_false};
    case nlohmann::json::value_t::string: {
      // An empty string is "false" for sections, as templates expect ({{#error}}...{{/error}}).
      const auto& text = value.get_ref<const std::string&>();
      return text.empty() ? mst::data{mst::data::type::bool_false} : mst::data{text};
    }
    case nlohmann::json::value_t::null: return mst::data{mst::data::type::bool_false};
    default: return mst::data{value.dump()};
  }
}

}  // namespace

Views Views::load(const std::filesystem::path& templates_dir) {
  Views views;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(templates_dir)) {
    if (entry.path().extension() != ".mustache") continue;
    auto text = io::read_file(entry.path());
    if (!text) throw std::runtime_error(text.error());
    auto name = std::filesystem::relative(entry.path(), templates_dir).replace_extension().generic_string();
    mst::mustache compiled{*text};
    if (!compiled.is_valid()) throw std::runtime_error(entry.path().string() + ": " + compiled.error_message());
    views.templates_[name] = std::move(*text);
  }
  if (!views.templates_.contains("layout")) throw std::runtime_error(templates_dir.string() + ": no layout.mustache");
  return views;
}

std::string Views::render(const std::string& name, const nlohmann::json& context) const {
  const auto found = templates_.find(name);
  if (found == templates_.end()) throw std::runtime_error("no template named " + name);
  mst::mustache compiled{found->second};
  auto result = compiled.render(to_mustache(context));
  if (!compiled.is_valid()) throw std::runtime_error("template " + name + ": " + compiled.error_message());
  return result;
}

std::string Views::render_page(const std::string& page, const nlohmann::json& context) const {
  nlohmann::json layout_context = context;
  layout_context["content"] = render(page, context);
  return render("layout", layout_context);
}

}  // namespace att::text
