#include "web/exchange/documents_view.hpp"

#include "text/dates.hpp"

namespace att::web {

nlohmann::json document_view(const AppContext& app, Language language, const exchange::Document& document) {
  const std::string audience(auth::to_string(document.audience));
  return {{"id", document.id},
          {"symbol", document.symbol},
          {"title", document.title},
          {"summary", document.summary},
          {"audience", audience},
          {"audience_label", app.catalog.text(language, "exchange.audiences." + audience)},
          {"created_at", document.created_at.iso()},
          {"created_on", text::format_date(app.catalog, language, document.created_at.iso().substr(0, 10))},
          {"href", "/documents/" + std::to_string(document.id)}};
}

}  // namespace att::web
