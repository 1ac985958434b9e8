// Applications for an account: apply, confirm the e-mail address, then the Secretariat decides.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/roles.hpp"
#include "store/database.hpp"
#include "core/timestamp.hpp"

namespace att::auth {

enum class RegistrationStatus { unconfirmed, pending, approved, rejected };
std::string_view to_string(RegistrationStatus status);

struct Application {
  std::string email;
  std::string name;
  std::string position;
  std::string state_iso3;
  Role requested_role = Role::state_representative;
  std::string note;
  std::string password_hash;
  std::string language = "en";
};

struct Registration {
  std::int64_t id = 0;
  Application application;
  RegistrationStatus status = RegistrationStatus::unconfirmed;
  std::string created_at;
  std::optional<std::string> confirmed_at;
  std::string decision_reason;
};

// Returns the confirmation token for the e-mailed link (valid 48 hours).
std::string create_registration(store::Database& db, const Application& application,
                                std::chrono::system_clock::time_point now, std::int64_t* id = nullptr);
// The registration now pending review, or nullopt for an unknown, expired or used link.
std::optional<Registration> confirm_registration(store::Database& db, const std::string& token,
                                                 std::chrono::system_clock::time_point now);
std::optional<Registration> find_registration(store::Database& db, std::int64_t id);
std::vector<Registration> registrations_with_status(store::Database& db, RegistrationStatus status);
// Records the decision; only a pending registration can be decided (false otherwise).
bool decide_registration(store::Database& db, std::int64_t id, bool approve, std::int64_t decided_by,
                         const std::string& reason, Timestamp now);

}  // namespace att::auth
