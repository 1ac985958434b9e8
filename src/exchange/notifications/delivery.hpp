// How a person wants to hear of what is new in the information exchange: a mail for each
// publication, one daily digest, or no mail at all (the "what is new" page still lists it all).
#pragma once

#include <optional>
#include <string_view>

namespace att::notifications {

enum class Delivery { immediate, digest, none };

inline constexpr Delivery all_deliveries[] = {Delivery::immediate, Delivery::digest, Delivery::none};
// What an account that never chose gets: one mail a day at most, and only when something is new.
inline constexpr Delivery default_delivery = Delivery::digest;

std::string_view to_string(Delivery delivery);  // "immediate", "digest", "none"
std::optional<Delivery> delivery_from_string(std::string_view text);

}  // namespace att::notifications
