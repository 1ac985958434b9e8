#include "exchange_fixture.hpp"

#include "exchange/announcements_store.hpp"
#include "io/csv_reader.hpp"
#include "io/file.hpp"

namespace att::testing {
using namespace att::literals;

std::size_t count_of(const std::string& text, const std::string& needle) {
  std::size_t count = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) ++count;
  return count;
}

void ExchangeServer::prepare(store::Database& db) {
  const Timestamp published = "2026-01-02T09:00:00Z"_utc;
  auth::Viewer chair;
  chair.user_id = account_ids_.at("chair");
  chair.name = "chair";
  chair.roles = {auth::Role::chair};
  const auto consultation = [&](auth::Audience audience, std::optional<Timestamp> deadline) {
    exchange::NewAnnouncement draft;
    draft.kind = exchange::Kind::consultation;
    draft.title = "Draft for " + std::string(auth::to_string(audience));
    draft.body = "Comment on *both* sections.";
    draft.audience = audience;
    draft.deadline = deadline;
    draft.sections = {"Scope", "Costs"};
    return std::to_string(exchange::publish(db, chair, draft, published).value());
  };
  // Far in the future, so that the test does not age; the closed one's deadline has passed.
  const auto open_until = "2099-01-01T00:00:00Z"_utc;
  ids_["{public}"] = consultation(auth::Audience::everyone, open_until);
  ids_["{registered}"] = consultation(auth::Audience::registered, open_until);
  ids_["{parties}"] = consultation(auth::Audience::parties, open_until);
  ids_["{closed}"] = consultation(auth::Audience::parties, "2026-01-03T00:00:00Z"_utc);
  ids_["{status}"] = consultation(auth::Audience::registered, open_until);
  auth::Viewer representative;
  representative.user_id = account_ids_.at("representative");
  representative.name = "representative";
  representative.roles = {auth::Role::state_representative};
  representative.state_iso3 = "FRA";
  representative.state_is_party = true;
  const auto comment = exchange::add_comment(db, representative, id_of("{parties}"),
                                             {"Section 1 is too broad.", std::nullopt, 1}, published);
  ASSERT_EQ(comment.outcome, exchange::CommentOutcome::done);
  ids_["{comment}"] = std::to_string(comment.comment_id);
}

std::string ExchangeServer::resolved(std::string path) const {
  for (const auto& [placeholder, id] : ids_) {
    for (auto at = path.find(placeholder); at != std::string::npos; at = path.find(placeholder))
      path.replace(at, placeholder.size(), id);
  }
  return path;
}

int ExchangeServer::for_each_cell(const std::string& file, const std::function<void(const Cell&)>& check) {
  const auto text = io::read_file(std::string(ATT_TEST_DATA_DIR) + "/" + file);
  EXPECT_TRUE(text) << file;
  if (!text) return 0;
  const auto matrix = io::CsvTable::parse(*text);
  EXPECT_TRUE(matrix) << file;
  if (!matrix) return 0;
  std::map<std::string, Browser> browsers;
  browsers.emplace("anonymous", Browser(server_->port()));
  browsers.at("anonymous").get("/sign-in");  // a page holding a CSRF token
  for (const auto& [kind, person] : people) browsers.emplace(kind, signed_in(kind));
  int checked = 0;
  for (const auto& row : matrix->rows()) {
    const std::string method(matrix->field(row, "method"));
    const auto path = resolved(std::string(matrix->field(row, "path")));
    for (auto& [kind, browser] : browsers) {
      EXPECT_TRUE(matrix->has_column(kind)) << kind;
      if (!matrix->has_column(kind)) continue;
      const std::string expected(matrix->field(row, kind));
      // Changes send the session's CSRF token, taken from a page.
      if (method != "GET" && method != "LIST") browser.get("/sign-in");
      check({method, path, kind, browser, expected});
      ++checked;
    }
  }
  return checked;
}

}  // namespace att::testing
