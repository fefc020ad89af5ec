#include "service/assessment/region_grants.h"

namespace gj::service {

bool RegionGrants::Manages(const Ctx& ctx, const std::string& region) const {
  return access::Allowed(ctx.caller, manage_, {region, "", std::nullopt}, *ledger_.Regions());
}

bool RegionGrants::Sees(const Ctx& ctx, const std::string& region) const {
  const auto tree = ledger_.Regions();
  return ctx.Reads(read_, *tree).ContainsRegion(region);
}

}  // namespace gj::service
