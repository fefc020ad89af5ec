// Who may do what, where. Permissions are data: a table of (role, action) → scope, read by one
// function. A caller holds role grants, each scoped to a region (and optionally a unit).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace gj::access {

enum class Scope {
  kNone,    // not allowed
  kRegion,  // anything in the grant's region or below it
  kUnit,    // only objects whose lead unit is the grant's unit (within its region)
  // Only a grant at the top of the deployment (RegionTree::IsSystemRegion): what applies to every
  // region alike (the global dictionaries), for the system admin; anywhere in the grant's region.
  kSystem,
};

// Which way along the region tree a grant reads (ReadScope): its region and below, or also the
// regions above it — a city's observation event or ranking concerns its counties, so a county
// grant sees it, and the region picker lists the grant's ancestors.
enum class Reach {
  kDown,
  kUpAndDown,
};

struct RoleGrant {
  std::string role;
  std::string region_code;
  std::optional<int64_t> unit_id;
  bool operator==(const RoleGrant&) const = default;
};

struct Caller {
  int64_t user_id = 0;
  std::string login;
  std::string name;
  std::optional<int64_t> person_id;  // the person (leader, specialist) this account belongs to
  std::vector<RoleGrant> grants;
  // How the request authenticated: the session or API token ("session", "api") and its id. An API
  // token cannot mint tokens; a caller whose password must be changed may do nothing else.
  std::string token_kind;
  int64_t session_id = 0;
  bool must_change_password = false;
};

struct Region {
  std::string code;
  std::string name;
  std::string level;  // province, city, county, town, zone
  std::string parent_code;
};

// The region hierarchy, small enough to hold in memory.
class RegionTree {
 public:
  explicit RegionTree(std::vector<Region> regions = {});
  const Region* Find(const std::string& code) const;
  // True when `code` is `ancestor` or lies below it.
  bool Within(const std::string& code, const std::string& ancestor) const;
  // `code` and every region below it.
  std::vector<std::string> Subtree(const std::string& code) const;
  const std::vector<Region>& all() const { return regions_; }
  // The county a region belongs to (itself for a county; its parent county for a town or zone).
  std::string CountyOf(const std::string& code) const;
  // The top of the deployment: from a root (no parent) down while a region has exactly one child
  // (a county initialised alone hangs under its province and city: the county is its top; the
  // demo's city with its counties: the city). True when `code` is that region or above it.
  bool IsSystemRegion(const std::string& code) const;
  // This snapshot's identity: unique per tree built in the process (a copy keeps it: same
  // content). What is computed from a tree is cached under it (Ctx::Reads), never under the
  // tree's address, which a reloaded tree may reuse.
  uint64_t id() const { return id_; }

 private:
  uint64_t id_;
  std::vector<Region> regions_;
  std::map<std::string, size_t> index_;
  std::map<std::string, std::vector<std::string>> children_;
};

// Actions, named as in the API's `permissions` list.
extern const char* const kProjectRead;
extern const char* const kProjectWrite;
extern const char* const kProjectImport;
// Year roll-over (年度结转): next year's list from this year's unfinished projects; the roles that
// import the ledger.
extern const char* const kProjectRollover;
extern const char* const kDictionaryAdmin;
extern const char* const kUserAdmin;
// Organisation admin (系统管理): regions (towns, zones), units, people and 专班 of the grant's region.
extern const char* const kOrgAdmin;
// Supervision: file progress reports and stop/resume requests; review them (approve, return,
// decide); configure rules, targets, reopen closed periods and keep light snapshots.
extern const char* const kReportWrite;
extern const char* const kReportReview;
extern const char* const kSupervisionAdmin;
// Supervision (三张清单): the project office manages (assign, defer, settings), units handle the
// problems assigned to them, leaders log their onsite visits, units keep their projects'
// milestones and procedures.
extern const char* const kSupervisionManage;
extern const char* const kProblemRaise;
extern const char* const kProblemHandle;
extern const char* const kVisitWrite;
extern const char* const kScheduleWrite;
extern const char* const kLandRead;
extern const char* const kLandWrite;
extern const char* const kLandReview;
extern const char* const kLandConfirm;
extern const char* const kLandEvaluate;
extern const char* const kLandAppeal;
// Assessment: observation events and periodic rankings.
extern const char* const kObservationRead;
extern const char* const kObservationManage;
extern const char* const kObservationJudge;
extern const char* const kRankingRead;
extern const char* const kRankingManage;
// Enterprise registry (统一社会信用代码): read the enterprises of one's remit; keep them.
extern const char* const kEnterpriseRead;
extern const char* const kEnterpriseWrite;
// Promotion events (招商活动): record (a leader their own); manage (anyone's of the region, the
// rule). They are read with kAttractionRead (domain/attraction/permissions.h).
extern const char* const kEventWrite;
extern const char* const kEventManage;
// 链长制 (issue 15): read chains and their pages; manage them (coordinators); file weekly chain
// reports and log chain visits (a leader on the chains they lead, coordinators on any).
extern const char* const kChainRead;
extern const char* const kChainWrite;
extern const char* const kChainReport;

extern const std::vector<std::string> kRoles;  // admin, coordinator, leader, unit, viewer, judge

Scope ScopeOf(const std::string& role, const std::string& action);
// The row's reach; kDown when the row says nothing (or there is no row).
Reach ReachOf(const std::string& role, const std::string& action);
bool IsKnownRole(const std::string& role);

// The object being acted on: where it is and which unit leads it.
struct Target {
  std::string county_code;
  std::string town_code;
  std::optional<int64_t> unit_id;
};

bool Allowed(const Caller& caller, const std::string& action, const Target& target, const RegionTree& tree);
// Allowed on what applies to every region (a global dictionary): a grant whose row allows the
// action, held at the top of the deployment (RegionTree::IsSystemRegion).
bool AllowedSystemWide(const Caller& caller, const std::string& action, const RegionTree& tree);
// Allowed somewhere (e.g. to show a menu, or for actions without a target object).
bool AllowedAnywhere(const Caller& caller, const std::string& action);
std::set<std::string> Permissions(const Caller& caller);

}  // namespace gj::access
