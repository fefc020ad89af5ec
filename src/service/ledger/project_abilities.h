// What the caller may do with a project they read, for the screens (the page shows its edit forms
// only where can_edit). Never a check in itself: each write checks again through the policy.
#pragma once

#include "domain/access/access.h"
#include "domain/ledger/project.h"
#include "service/context.h"

namespace gj::service {

struct ProjectAbilities {
  bool can_edit = false;  // project.write on it (access::Allowed)
  bool mine = false;      // the caller's own (access::Mine: its unit leads it, or it is its leader)
};

ProjectAbilities AbilitiesOf(const Ctx& ctx, const ledger::Project& p, const access::RegionTree& tree);

}  // namespace gj::service
