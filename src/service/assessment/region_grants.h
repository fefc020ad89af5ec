// Who may act on a region-wide object of the assessment (an observation event, a ranking scheme):
// one rule for both services.
#pragma once

#include <string>

#include "domain/access/access.h"
#include "service/context.h"

namespace gj::service::region_grants {

// The caller holds `action` on `region` itself (no town, no unit).
bool Manages(const Ctx& ctx, const char* action, const std::string& region, const access::RegionTree& tree);
// The request's read scope for `action` holds `region`. The observation.read and ranking.read
// policy rows reach up and down: a city's object concerns its counties (a county grant sees it),
// and a city grant sees its counties' objects.
bool Sees(const Ctx& ctx, const char* action, const std::string& region, const access::RegionTree& tree);

}  // namespace gj::service::region_grants
