#include "service/org/setup_checklist.h"

#include <set>

#include "store/account_store.h"
#include "store/org_store.h"
#include "store/progress_store.h"
#include "store/project_store.h"

namespace gj::service {

namespace {

// The region of the caller's first grant that holds org.admin ("" when none does).
std::string AdminRegion(const access::Caller& caller) {
  for (const auto& g : caller.grants) {
    if (access::ScopeOf(g.role, access::kOrgAdmin) != access::Scope::kNone) return g.region_code;
  }
  return "";
}

// Regions below `code` that are towns or custom areas (the tree holds no archived region).
int64_t TownsBelow(const access::RegionTree& tree, const std::string& code) {
  int64_t n = 0;
  for (const auto& c : tree.Subtree(code)) {
    const auto* r = tree.Find(c);
    n += c != code && (r->level == "town" || r->level == "zone");
  }
  return n;
}

// Active accounts holding a grant other than admin on the region or below it.
int64_t WorkingAccounts(store::Connection& c, const access::RegionTree& tree, const std::string& code) {
  const auto grants = store::LoadAllGrants(c);
  int64_t n = 0;
  for (const auto& a : store::ListAccounts(c, "")) {
    if (!a.active) continue;
    auto it = grants.find(a.id);
    if (it == grants.end()) continue;
    for (const auto& g : it->second) {
      if (g.role != "admin" && tree.Within(g.region_code, code)) {
        ++n;
        break;
      }
    }
  }
  return n;
}

// Whether light rules and a report policy are saved for the county or a region above it.
bool RulesSaved(store::Connection& c, const access::RegionTree& tree, const std::string& county) {
  for (const access::Region* r = tree.Find(county); r; r = tree.Find(r->parent_code)) {
    if (store::LoadSettings(c, r->code)) return true;
  }
  return false;
}

// The rules step of a county: 1 when its rules are saved (its own or above it). Of a city or a
// province: the number of its counties whose rules are saved, done when every county's are.
ChecklistStep RulesStep(store::Connection& c, const access::RegionTree& tree, const access::Region& region) {
  ChecklistStep s{"rules"};
  int64_t counties = 0;
  for (const auto& code : tree.Subtree(region.code)) {
    if (tree.Find(code)->level != "county") continue;
    ++counties;
    s.count += RulesSaved(c, tree, code);
  }
  s.done = counties > 0 && s.count == counties;
  return s;
}

}  // namespace

Result<SetupChecklist> SetupChecklistService::Checklist(const Ctx& ctx, const std::string& asked) {
  if (!access::AllowedAnywhere(ctx.caller, access::kOrgAdmin))
    return Error::Forbidden("你无权查看上线清单 (only an organisation admin sees the setup checklist)");
  const std::string code = asked.empty() ? AdminRegion(ctx.caller) : asked;
  auto tree = ledger_.Regions();
  const access::Region* region = tree->Find(code);
  if (!region || !ctx.Reads(access::kProjectRead, *tree).ContainsRegion(code))
    return Error::NotFound("no region " + code);
  if (!access::Allowed(ctx.caller, access::kOrgAdmin, {code, "", std::nullopt}, *tree))
    return Error::Forbidden("你无权管理该区域 (you do not administer " + code + ")");
  if (region->level == "town" || region->level == "zone") {
    return Error::Invalid("上线清单属于县、市或省 (a checklist is a county's, a city's or a province's)",
                          {{"region", code, "镇街或园区随其县区设置 (a town is set up with its county)"}});
  }
  const auto scope = ctx.Reads(access::kProjectRead, *tree).Within(code, *tree);
  SetupChecklist out;
  out.region = *region;
  auto c = db_.Acquire();
  store::ProjectFilter projects;
  projects.scope = scope;
  projects.limit = 0;
  int64_t targets = 0;
  for (const auto& t : store::LoadTargets(*c, scope)) targets += tree->Within(t.region, code);
  out.steps = {
      {"towns", TownsBelow(*tree, code)},
      {"units", static_cast<int64_t>(store::ListUnits(*c, scope).size())},
      {"people", static_cast<int64_t>(store::ListPeople(*c, scope, "").size())},
      {"accounts", WorkingAccounts(*c, *tree, code)},
      {"projects", static_cast<int64_t>(store::ListProjectIds(*c, projects).size())},
      RulesStep(*c, *tree, *region),
      {"targets", targets, false, true},
      {"teams", static_cast<int64_t>(store::ListTeams(*c, scope, false).size()), false, true},
  };
  out.complete = true;
  for (auto& s : out.steps) {
    if (s.key != "rules") s.done = s.count > 0;
    out.complete = out.complete && (s.done || s.optional);
  }
  return out;
}

}  // namespace gj::service
