#include "service/assessment/region_grants.h"

namespace gj::service::region_grants {

bool Manages(const Ctx& ctx, const char* action, const std::string& region, const access::RegionTree& tree) {
  return access::Allowed(ctx.caller, action, {region, "", std::nullopt}, tree);
}

bool Sees(const Ctx& ctx, const char* action, const std::string& region, const access::RegionTree& tree) {
  for (const auto& g : ctx.caller.grants) {
    if (access::ScopeOf(g.role, action) == access::Scope::kNone) continue;
    if (tree.Within(region, g.region_code) || tree.Within(g.region_code, region)) return true;
  }
  return false;
}

}  // namespace gj::service::region_grants
