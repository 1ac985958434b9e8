#include "exchange_fixture.hpp"

#include "exchange/announcements_store.hpp"

namespace att::testing {
using namespace att::literals;

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

}  // namespace att::testing
