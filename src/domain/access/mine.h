// "Mine" (我的项目 / 本单位): the objects a caller owns among those they may read — what lists open
// on for unit and leader users. It widens nothing: what the caller may read or do is still
// access::Allowed's answer.
#pragma once

#include <cstdint>
#include <optional>

#include "domain/access/access.h"

namespace gj::access {

// An object led by a unit the caller holds a grant for, or one whose 包保 leader (`leader_id`) is
// the caller's person. A region-wide role (the project office, a viewer) owns nothing in particular.
bool Mine(const Caller& caller, const Target& target, std::optional<int64_t> leader_id);

}  // namespace gj::access
