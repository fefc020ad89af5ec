#include "service/assessment/region_grants.h"

namespace gj::service {

bool RegionGrants::Manages(const Ctx& ctx, const std::string& region) const {
  return access::Allowed(ctx.caller, manage_, {region, "", std::nullopt}, *ledger_.Regions());
}

bool RegionGrants::Sees(const Ctx& ctx, const std::string& region) const {
  const auto tree = ledger_.Regions();
  return ctx.Reads(read_, *tree).ContainsRegion(region);
}

bool RegionGrants::SeesFromBelow(const Ctx& ctx, const std::string& region) const {
  const auto tree = ledger_.Regions();
  const auto& scope = ctx.Reads(read_, *tree);
  if (scope.all()) return false;
  for (const auto& r : scope.regions())
    if (tree->Within(region, r)) return false;
  return true;
}

}  // namespace gj::service
