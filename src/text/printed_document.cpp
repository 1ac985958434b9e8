#include "text/printed_document.hpp"

namespace att::text {

namespace {

// Text as a CSS string literal: quotes and backslashes escaped, and "<" written as an escape
// so that nothing in it can close the <style> element.
std::string css_string(const std::string& text) {
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') quoted += '\\';
    if (c == '<') {
      quoted += "\\3C ";
      continue;
    }
    if (c == '\n' || c == '\r') {
      quoted += ' ';
      continue;
    }
    quoted += c;
  }
  return quoted + "\"";
}

// "ATT Transparency Platform · France · 2025 · Version 2" at the foot of every page.
std::string footer_text(const Catalog& catalog, Language language, const nlohmann::json& context) {
  auto text = catalog.text(language, "site.name") + " · " + context.value("title", std::string());
  if (const auto version = context.value("version", std::string()); !version.empty())
    text += " · " + catalog.text(language, "reports.version") + " " + version;
  return text;
}

}  // namespace

std::string printable_html(const Catalog& catalog, const Views& views, Language language, const std::string& page,
                           nlohmann::json context) {
  context["t"] = catalog.tree(language);
  context["lang"] = std::string(code_of(language));
  return views.render(
      "print_layout",
      {{"lang", context["lang"]},
       {"title", context.value("title", std::string())},
       {"style", views.render("print_style", {{"footer", css_string(footer_text(catalog, language, context))}})},
       {"content", views.render(page, context)}});
}

tl::expected<std::string, io::PdfError> print_pdf(io::PdfPrinter& printer, const Catalog& catalog, const Views& views,
                                                  Language language, const std::string& page, nlohmann::json context) {
  return printer.print(printable_html(catalog, views, language, page, std::move(context)));
}

}  // namespace att::text
