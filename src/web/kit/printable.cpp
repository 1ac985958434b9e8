#include "web/kit/printable.hpp"

#include <cstdio>

#include "auth/secrets.hpp"
#include "text/printed_document.hpp"
#include "web/kit/form_page.hpp"

namespace att::web {

HttpResponse pdf_document(const AppContext& app, const HttpRequest& request, const LanguageChoice& choice,
                          const std::string& page, nlohmann::json context, const std::string& file_name) {
  return pdf_of_html(app, request, choice.language,
                     text::printable_html(app.catalog, app.views, choice.language, page, std::move(context)), file_name);
}

HttpResponse pdf_of_html(const AppContext& app, const HttpRequest& request, Language language,
                         const std::string& html, const std::string& file_name) {
  // The page was rendered for this visitor, after the visibility check: the digest of what
  // they may see is the key, so a cached PDF never reaches anyone the HTML would not.
  const auto digest = auth::token_digest(html);
  auto printed = [&]() -> tl::expected<std::string, io::PdfError> {
    if (auto cached = app.printed->find(digest)) return std::move(*cached);
    if (!app.pdf) return tl::unexpected(io::PdfError{io::PdfError::Kind::unavailable, "no PDF printer configured"});
    auto fresh = app.pdf->print(html);
    if (fresh) app.printed->keep(digest, *fresh);
    return fresh;
  }();
  if (!printed) {
    using Kind = io::PdfError::Kind;
    const auto kind = printed.error().kind;
    if (kind == Kind::failed)
      std::fprintf(stderr, "att: PDF of %s failed: %s\n", request.path.c_str(), printed.error().message.c_str());
    const auto key = kind == Kind::busy ? "errors.pdf_busy" : kind == Kind::unavailable ? "errors.pdf_unavailable"
                                                                                         : "errors.pdf_failed";
    const auto back = request.path.substr(0, request.path.rfind(".pdf"));
    auto response = render_message(app, request, app.catalog.text(language, "errors.pdf_title"),
                                   app.catalog.text(language, key), kind == Kind::failed ? 500 : 503,
                                   {{back, app.catalog.text(language, "receipt.read_report")}});
    if (kind == Kind::busy) response.set_header("Retry-After", "5");
    return response;
  }
  HttpResponse response{200, {{"Content-Type", "application/pdf"}}, std::move(*printed)};
  response.set_header("Content-Disposition", "inline; filename=\"" + file_name + "\"");
  response.set_private_no_store();
  response.set_header("Vary", "Accept-Language, Cookie");
  return response;
}

}  // namespace att::web
