#include "service/assessment/region_grants.h"

namespace gj::service::region_grants {

bool Manages(const Ctx& ctx, const char* action, const std::string& region, const access::RegionTree& tree) {
  return access::Allowed(ctx.caller, action, {region, "", std::nullopt}, tree);
}

bool Sees(const Ctx& ctx, const char* action, const std::string& region, const access::RegionTree& tree) {
  return ctx.Reads(action, tree).ContainsRegion(region);
}

}  // namespace gj::service::region_grants
