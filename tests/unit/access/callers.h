// Test callers: one grant of a role in a region (and optionally a unit).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "domain/access/access.h"

namespace gj::access::testing {

inline Caller With(std::string role, std::string region, std::optional<int64_t> unit = std::nullopt) {
  Caller c;
  c.user_id = 1;
  c.grants.push_back({std::move(role), std::move(region), unit});
  return c;
}

}  // namespace gj::access::testing
