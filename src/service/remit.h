// The remit of a caller for a capability whose records belong to regions (enterprises, land
// efficiency data): each grant reads from the root of its remit — a grant tied to a unit reads
// that unit's region only (a town's unit its town, a county department its county) and a
// unit-role grant without a unit reads nothing. One helper for every service that needs it
// (EnterpriseService, LandService).
#pragma once

#include <string>

#include "domain/access/read_scope.h"
#include "service/context.h"
#include "store/db.h"

namespace gj::service {

// The read scope of `action` for the caller's grants so narrowed, then within `region` ("" = all).
access::ReadScope UnitRemit(store::Connection& c, const Ctx& ctx, const access::RegionTree& tree,
                            const char* action, const std::string& region = "");

}  // namespace gj::service
