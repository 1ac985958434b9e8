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

std::string in_print_layout(const Views& views, Language language, const std::string& title, const std::string& footer,
                            const std::string& content) {
  return views.render("print_layout", {{"lang", std::string(code_of(language))},
                                       {"title", title},
                                       {"style", views.render("print_style", {{"footer", css_string(footer)}})},
                                       {"content", content}});
}

}  // namespace

std::string printable_html(const Catalog& catalog, const Views& views, Language language, const std::string& page,
                           nlohmann::json context) {
  context["t"] = catalog.tree(language);
  context["lang"] = std::string(code_of(language));
  return in_print_layout(views, language, context.value("title", std::string()),
                         footer_text(catalog, language, context), views.render(page, context));
}

std::string printable_html_of(const Catalog& catalog, const Views& views, Language language, const std::string& title,
                              const std::string& content) {
  return in_print_layout(views, language, title, footer_text(catalog, language, {{"title", title}}), content);
}

tl::expected<std::string, io::PdfError> print_pdf(io::PdfPrinter& printer, const Catalog& catalog, const Views& views,
                                                  Language language, const std::string& page, nlohmann::json context) {
  return printer.print(printable_html(catalog, views, language, page, std::move(context)));
}

}  // namespace att::text
