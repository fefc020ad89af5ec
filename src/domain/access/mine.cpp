#include "domain/access/mine.h"

#include <algorithm>

namespace gj::access {

bool Mine(const Caller& caller, const Target& target, std::optional<int64_t> leader_id) {
  if (leader_id && caller.person_id == leader_id) return true;
  return target.unit_id && std::any_of(caller.grants.begin(), caller.grants.end(),
                                       [&](const RoleGrant& g) { return g.unit_id == target.unit_id; });
}

}  // namespace gj::access
