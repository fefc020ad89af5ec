// Test callers (one grant of a role in a region, and optionally a unit) and the region tree they
// are checked against.
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

// 聊城市 with two counties; 东阿 has two towns and a zone, 冠县 one town.
inline RegionTree LiaochengTree() {
  return RegionTree({{"371500", "聊城市", "city", ""},
                     {"371524", "东阿县", "county", "371500"},
                     {"371524001", "铜城街道", "town", "371524"},
                     {"371524002", "新城街道", "town", "371524"},
                     {"371524900", "东阿开发区", "zone", "371524"},
                     {"371525", "冠县", "county", "371500"},
                     {"371525001", "清泉街道", "town", "371525"}});
}

}  // namespace gj::access::testing
