#include "exchange/notifications/delivery.hpp"

namespace att::notifications {

std::string_view to_string(Delivery delivery) {
  switch (delivery) {
    case Delivery::immediate: return "immediate";
    case Delivery::digest: return "digest";
    case Delivery::none: return "none";
  }
  return "digest";
}

std::optional<Delivery> delivery_from_string(std::string_view text) {
  for (const auto delivery : all_deliveries) {
    if (to_string(delivery) == text) return delivery;
  }
  return std::nullopt;
}

}  // namespace att::notifications
