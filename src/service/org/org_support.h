// What OrgService's files share: the answers every organisation write gives alike.
#pragma once

#include <string>
#include <vector>

#include "common/result.h"
#include "store/org_store.h"

namespace gj::service::org {

inline constexpr const char* kRequired = "必填 (required)";

// A body field that cannot be read (wrong type, unknown) is a 400 naming each; rules are 422.
Status Readable(const Problems& pr);
// The journal's action of a write that may archive or restore the record.
const char* WriteAction(bool archived_before, bool archived_after);
// 409 for a write to an archived record that does not restore it (as for projects).
Status NotArchived(bool archived_before, bool archived_after, const std::string& what_zh);
// 422: archiving refused while `refs` name the record; each as a detail and in `references`.
Error StillNamed(const std::string& what_zh, const std::vector<store::Reference>& refs);
// 403 for a caller without org.admin anywhere.
Error NotAdmin();

}  // namespace gj::service::org
