#include "exchange/announcements.hpp"

namespace att::exchange {

std::string_view to_string(Kind kind) { return kind == Kind::consultation ? "consultation" : "announcement"; }

std::optional<Kind> kind_from_string(std::string_view text) {
  if (text == "announcement") return Kind::announcement;
  if (text == "consultation") return Kind::consultation;
  return std::nullopt;
}

std::string_view to_string(Status status) {
  switch (status) {
    case Status::open: return "open";
    case Status::closed: return "closed";
    case Status::archived: return "archived";
  }
  return "archived";
}

std::optional<Status> status_from_string(std::string_view text) {
  for (const auto status : {Status::open, Status::closed, Status::archived}) {
    if (to_string(status) == text) return status;
  }
  return std::nullopt;
}

bool takes_comments(const Announcement& announcement, Timestamp now) {
  return announcement.status == Status::open && (!announcement.deadline || now < *announcement.deadline);
}

}  // namespace att::exchange
