// SQL of composite targets' parts (table target_parts, migration 140): one row a part, in order.
// Thin: the target service writes them in the target's transaction and attaches them on reads.
#pragma once

#include <vector>

#include "domain/targets/target.h"
#include "store/db.h"

namespace gj::store {

// Replaces the target's parts by `parts` (none: deletes them).
void ReplaceTargetParts(Connection& c, int64_t target_id, const std::vector<targets::Part>& parts);
// Fills each target's parts from its rows.
void AttachTargetParts(Connection& c, std::vector<targets::Target>& targets);

}  // namespace gj::store
