#include "domain/access/access.h"
#include "domain/attraction/permissions.h"

#include <algorithm>
#include <atomic>
#include <tuple>

namespace gj::access {

const char* const kProjectRead = "project.read";
const char* const kProjectWrite = "project.write";
const char* const kProjectImport = "project.import";
const char* const kProjectRollover = "project.rollover";
const char* const kDictionaryAdmin = "dictionary.admin";
const char* const kUserAdmin = "user.admin";
const char* const kOrgAdmin = "org.admin";
const char* const kReportWrite = "report.write";
const char* const kReportReview = "report.review";
const char* const kSupervisionAdmin = "supervision.admin";
const char* const kSupervisionManage = "supervision.manage";
const char* const kProblemRaise = "problem.raise";
const char* const kProblemHandle = "problem.handle";
const char* const kVisitWrite = "visit.write";
const char* const kScheduleWrite = "schedule.write";
const char* const kLandRead = "land.read";
const char* const kLandWrite = "land.write";
const char* const kLandReview = "land.review";
const char* const kLandConfirm = "land.confirm";
const char* const kLandEvaluate = "land.evaluate";
const char* const kLandAppeal = "land.appeal";
const char* const kObservationRead = "observation.read";
const char* const kObservationManage = "observation.manage";
const char* const kObservationJudge = "observation.judge";
const char* const kRankingRead = "ranking.read";
const char* const kRankingManage = "ranking.manage";
const char* const kAttractionRead = "attraction.read";
const char* const kAttractionWrite = "attraction.write";
const char* const kEnterpriseRead = "enterprise.read";
const char* const kEnterpriseWrite = "enterprise.write";
// Promotion events (招商活动, issue 15 item 3): read with attraction.read (one permission reads the
// attraction work: leads, funds, events); recording and managing them are their own.
const char* const kEventWrite = "event.write";
const char* const kEventManage = "event.manage";
const char* const kChainRead = "chain.read";
const char* const kChainWrite = "chain.write";
const char* const kChainReport = "chain.report";

const std::vector<std::string> kRoles = {"admin", "coordinator", "leader", "unit", "viewer", "judge"};

namespace {

// RegionTree::id: from 1, never reused in the process (0 names no tree).
uint64_t NextTreeId() {
  static std::atomic<uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

struct PolicyRow {
  const char* role;
  const char* action;
  Scope scope;
  Reach reach = Reach::kDown;
};

// The permission table. A (role, action) pair not listed is not allowed. Every visibility rule is
// a row: its Scope says what may be acted on, its Reach which way a read goes along the tree.
// const, not constexpr: the action names are extern constants, which clang (the fuzz build) does
// not read in a constant expression.
const PolicyRow kPolicy[] = {
    // The admin (README: read only; 系统管理 for the city): the reads the viewer has over its region,
    // the organisation, accounts and (system admin) dictionaries — and project.import, which the
    // first-run checklist (上线清单, step 项目库 → 导入) asks of the admin: it adds the projects of the
    // first sheet; a row of a project already in the ledger needs project.write, the office's.
    // Business writes (projects, problems, reports, rules, land, assessment) are the office's.
    {"admin", kProjectRead, Scope::kRegion},
    {"admin", kProjectImport, Scope::kRegion},
    {"admin", kDictionaryAdmin, Scope::kSystem},  // 字典: the system admin only (README)
    {"admin", kUserAdmin, Scope::kRegion},
    {"admin", kOrgAdmin, Scope::kRegion},
    // Land efficiency: the 工信局 (unit) reviews the data; the county office (coordinator) confirms
    // on the enterprise's behalf, runs, adjusts, publishes and decides appeals.
    {"admin", kLandRead, Scope::kRegion},
    {"coordinator", kLandRead, Scope::kRegion},
    {"coordinator", kLandWrite, Scope::kRegion},
    {"coordinator", kLandReview, Scope::kRegion},
    {"coordinator", kLandConfirm, Scope::kRegion},
    {"coordinator", kLandEvaluate, Scope::kRegion},
    {"coordinator", kLandAppeal, Scope::kRegion},
    {"unit", kLandRead, Scope::kRegion},
    {"unit", kLandReview, Scope::kRegion},
    {"unit", kLandAppeal, Scope::kRegion},
    {"leader", kLandRead, Scope::kRegion},
    {"viewer", kLandRead, Scope::kRegion},
    {"coordinator", kProjectRead, Scope::kRegion},
    {"coordinator", kProjectWrite, Scope::kRegion},
    {"coordinator", kProjectImport, Scope::kRegion},
    {"coordinator", kProjectRollover, Scope::kRegion},
    {"leader", kProjectRead, Scope::kRegion},
    {"unit", kProjectRead, Scope::kRegion},
    {"unit", kProjectWrite, Scope::kUnit},
    {"viewer", kProjectRead, Scope::kRegion},
    {"coordinator", kReportWrite, Scope::kRegion},
    {"coordinator", kReportReview, Scope::kRegion},
    {"coordinator", kSupervisionAdmin, Scope::kRegion},
    {"unit", kReportWrite, Scope::kUnit},
    {"coordinator", kSupervisionManage, Scope::kRegion},
    {"coordinator", kProblemRaise, Scope::kRegion},
    {"leader", kProblemRaise, Scope::kRegion},
    {"unit", kProblemRaise, Scope::kRegion},
    {"unit", kProblemHandle, Scope::kUnit},  // the unit a problem is assigned to
    {"coordinator", kVisitWrite, Scope::kRegion},
    {"leader", kVisitWrite, Scope::kRegion},
    {"unit", kVisitWrite, Scope::kRegion},  // a 帮包部门's own visits, on projects assigned to it
    {"coordinator", kScheduleWrite, Scope::kRegion},
    {"unit", kScheduleWrite, Scope::kUnit},
    // Assessment. A judge scores the events they are named in; everyone else reads results.
    {"admin", kObservationRead, Scope::kRegion, Reach::kUpAndDown},
    {"admin", kRankingRead, Scope::kRegion, Reach::kUpAndDown},
    {"coordinator", kObservationRead, Scope::kRegion, Reach::kUpAndDown},
    {"coordinator", kObservationManage, Scope::kRegion},
    {"coordinator", kRankingRead, Scope::kRegion, Reach::kUpAndDown},
    {"coordinator", kRankingManage, Scope::kRegion},
    {"leader", kObservationRead, Scope::kRegion, Reach::kUpAndDown},
    {"leader", kRankingRead, Scope::kRegion, Reach::kUpAndDown},
    {"unit", kObservationRead, Scope::kRegion, Reach::kUpAndDown},
    {"unit", kRankingRead, Scope::kRegion, Reach::kUpAndDown},
    {"viewer", kObservationRead, Scope::kRegion, Reach::kUpAndDown},
    {"viewer", kRankingRead, Scope::kRegion, Reach::kUpAndDown},
    {"judge", kObservationRead, Scope::kRegion, Reach::kUpAndDown},
    {"judge", kObservationJudge, Scope::kRegion},
    // attraction.read/.write (双招双引: leads, their steps, funds in place; attraction.read also
    // reads the promotion events): the county or city office (coordinator) manages; leaders,
    // units and viewers read; the system admin reads only.
    {"coordinator", kAttractionRead, Scope::kRegion},
    {"coordinator", kAttractionWrite, Scope::kRegion},
    {"leader", kAttractionRead, Scope::kRegion},
    {"unit", kAttractionRead, Scope::kRegion},
    {"viewer", kAttractionRead, Scope::kRegion},
    {"admin", kAttractionRead, Scope::kRegion},
    // Enterprise registry (issue 15): the county/city office keeps it; leaders, units (their
    // remit: EnterpriseService::Remit) and viewers read; the system admin reads only; judges nothing.
    {"coordinator", kEnterpriseRead, Scope::kRegion},
    {"coordinator", kEnterpriseWrite, Scope::kRegion},
    {"leader", kEnterpriseRead, Scope::kRegion},
    {"unit", kEnterpriseRead, Scope::kRegion},
    {"viewer", kEnterpriseRead, Scope::kRegion},
    {"admin", kEnterpriseRead, Scope::kRegion},
    // Promotion events (event.write/.manage, issue 15 item 3; read with attraction.read above):
    // the county office records anyone's events of its region and sets the monthly rule; a leader
    // records their own (the service checks whose); a judge nothing.
    {"coordinator", kEventWrite, Scope::kRegion},
    {"coordinator", kEventManage, Scope::kRegion},
    {"leader", kEventWrite, Scope::kRegion},
    // 链长制 (chain.read/.write/.report): coordinators manage; leaders read every chain of their
    // county and report on their own (the service checks it is theirs); units and viewers read;
    // the system admin reads only; judges nothing.
    {"admin", kChainRead, Scope::kRegion},
    {"coordinator", kChainRead, Scope::kRegion},
    {"coordinator", kChainWrite, Scope::kRegion},
    {"coordinator", kChainReport, Scope::kRegion},
    {"leader", kChainRead, Scope::kRegion},
    {"leader", kChainReport, Scope::kRegion},
    {"unit", kChainRead, Scope::kRegion},
    {"viewer", kChainRead, Scope::kRegion},
};

}  // namespace

RegionTree::RegionTree(std::vector<Region> regions) : id_(NextTreeId()), regions_(std::move(regions)) {
  for (size_t i = 0; i < regions_.size(); ++i) {
    index_[regions_[i].code] = i;
    if (!regions_[i].parent_code.empty()) children_[regions_[i].parent_code].push_back(regions_[i].code);
  }
}

const Region* RegionTree::Find(const std::string& code) const {
  auto it = index_.find(code);
  return it == index_.end() ? nullptr : &regions_[it->second];
}

bool RegionTree::Within(const std::string& code, const std::string& ancestor) const {
  std::string cur = code;
  for (int guard = 0; guard < 16 && !cur.empty(); ++guard) {
    if (cur == ancestor) return true;
    const Region* r = Find(cur);
    if (!r) return false;
    cur = r->parent_code;
  }
  return false;
}

std::vector<std::string> RegionTree::Subtree(const std::string& code) const {
  std::vector<std::string> out;
  if (!Find(code)) return out;
  std::vector<std::string> stack = {code};
  while (!stack.empty()) {
    std::string c = stack.back();
    stack.pop_back();
    out.push_back(c);
    if (auto it = children_.find(c); it != children_.end()) {
      stack.insert(stack.end(), it->second.begin(), it->second.end());
    }
  }
  return out;
}

std::string RegionTree::CountyOf(const std::string& code) const {
  const Region* r = Find(code);
  while (r && r->level != "county") r = Find(r->parent_code);
  return r ? r->code : "";
}

bool RegionTree::IsSystemRegion(const std::string& code) const {
  const Region* r = Find(code);
  if (!r) return false;
  std::string root = code;
  for (int guard = 0; guard < 16; ++guard) {
    const Region* up = Find(root);
    if (!up || up->parent_code.empty() || !Find(up->parent_code)) break;
    root = up->parent_code;
  }
  std::string top = root;
  for (int guard = 0; guard < 16; ++guard) {
    auto it = children_.find(top);
    if (it == children_.end() || it->second.size() != 1) break;
    top = it->second.front();
  }
  return Within(top, code);
}

Scope ScopeOf(const std::string& role, const std::string& action) {
  for (const auto& row : kPolicy) {
    if (role == row.role && action == row.action) return row.scope;
  }
  return Scope::kNone;
}

Reach ReachOf(const std::string& role, const std::string& action) {
  for (const auto& row : kPolicy) {
    if (role == row.role && action == row.action) return row.reach;
  }
  return Reach::kDown;
}

bool IsKnownRole(const std::string& role) {
  return std::find(kRoles.begin(), kRoles.end(), role) != kRoles.end();
}

bool Allowed(const Caller& caller, const std::string& action, const Target& target, const RegionTree& tree) {
  for (const auto& g : caller.grants) {
    const Scope scope = ScopeOf(g.role, action);
    if (scope == Scope::kNone) continue;
    const bool in_region = tree.Within(target.county_code, g.region_code) ||
                           (!target.town_code.empty() && tree.Within(target.town_code, g.region_code));
    if (!in_region) continue;
    if (scope == Scope::kRegion) return true;
    if (scope == Scope::kSystem && tree.IsSystemRegion(g.region_code)) return true;
    if (scope == Scope::kUnit && g.unit_id && target.unit_id == g.unit_id) return true;
  }
  return false;
}

bool AllowedSystemWide(const Caller& caller, const std::string& action, const RegionTree& tree) {
  for (const auto& g : caller.grants) {
    const Scope scope = ScopeOf(g.role, action);
    if ((scope == Scope::kRegion || scope == Scope::kSystem) && tree.IsSystemRegion(g.region_code))
      return true;
  }
  return false;
}

bool AllowedAnywhere(const Caller& caller, const std::string& action) {
  return std::any_of(caller.grants.begin(), caller.grants.end(),
                     [&](const RoleGrant& g) { return ScopeOf(g.role, action) != Scope::kNone; });
}

std::set<std::string> Permissions(const Caller& caller) {
  std::set<std::string> out;
  for (const auto& g : caller.grants) {
    for (const auto& row : kPolicy) {
      if (g.role == row.role) out.insert(row.action);
    }
  }
  return out;
}

}  // namespace gj::access
