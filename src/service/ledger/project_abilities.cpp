#include "service/ledger/project_abilities.h"

#include "domain/access/mine.h"
#include "service/ledger/ledger_service.h"

namespace gj::service {

ProjectAbilities AbilitiesOf(const Ctx& ctx, const ledger::Project& p, const access::RegionTree& tree) {
  const access::Target target = TargetOf(p);
  return {access::Allowed(ctx.caller, access::kProjectWrite, target, tree),
          access::Mine(ctx.caller, target, p.leader_id)};
}

}  // namespace gj::service
