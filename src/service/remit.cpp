#include "service/remit.h"

#include "store/org_store.h"

namespace gj::service {

access::ReadScope UnitRemit(store::Connection& c, const Ctx& ctx, const access::RegionTree& tree,
                            const char* action, const std::string& region) {
  access::Caller remit = ctx.caller;  // each grant reading from the root of its remit
  remit.grants.clear();
  for (auto g : ctx.caller.grants) {
    if (g.unit_id) {
      const auto u = store::LoadUnit(c, access::ReadScope::All(), *g.unit_id);  // the caller's own unit
      if (!u || u->archived || !tree.Within(u->region_code, g.region_code)) continue;
      g.region_code = u->region_code;
    } else if (g.role == "unit") {
      continue;
    }
    remit.grants.push_back(std::move(g));
  }
  return access::ReadScope::Of(remit, action, tree).Within(region, tree);
}

}  // namespace gj::service
