// Use cases of the key-project ledger: list, read, create, edit, change stage, archive, journal,
// dictionaries, overview, organisation look-ups. Each write checks permissions, validates, writes
// the row and its journal entry in one transaction, and refuses stale versions.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "domain/access/access.h"
#include "domain/ledger/project.h"
#include "service/context.h"
#include "service/ledger/list_cache.h"
#include "store/db.h"
#include "store/org_store.h"
#include "store/project_store.h"

namespace gj::service {

// Where a project is and which unit leads it: what a permission on the project is checked against.
access::Target TargetOf(const ledger::Project& p);

struct ProjectPage {
  std::vector<store::ProjectRow> items;
  int64_t total_count = 0;
  int64_t offset = 0;
  int64_t limit = 0;
};

// A page of the list endpoint from its caches: each project's reference names and its own JSON
// members (`members[i]` belongs to `refs[i]`; see ProjectJsonCache), written out in api/.
struct ProjectListPage {
  std::vector<store::ProjectRef> refs;
  std::vector<ProjectJsonCache::Text> members;
  int64_t total_count = 0;
  int64_t offset = 0;
  int64_t limit = 0;
};

// Who changed a project, when and how, newest first.
struct ProjectJournal {
  struct Entry {
    int64_t id = 0;
    std::string at;
    std::optional<int64_t> user_id;
    std::string user_name;
    std::string action;
    std::string changes_json;  // the journal's changes as stored: [{"field","old","new"}…]
  };
  std::vector<Entry> items;
};

// Counts and sums of a region's projects, whole and by stage, category, town and county.
struct ProjectOverview {
  struct Group {
    store::Aggregate figures;
    std::string label_zh;  // the key's dictionary label or region name
  };
  std::vector<Group> by_stage, by_category, by_town, by_county;
  std::optional<access::Region> region;  // the region asked for (none: the whole scope)
  int64_t project_count = 0, total_investment = 0, annual_plan = 0, annual_completed = 0;
};

// The regions of the caller's scope, with those above it.
struct RegionList {
  std::vector<access::Region> items;
};
struct UnitList {
  std::vector<store::Unit> items;
};
struct PersonList {
  std::vector<store::Person> items;
};

class LedgerService {
 public:
  explicit LedgerService(store::Database& db) : db_(db) {}

  // Shared, immutable snapshot; reloaded after ReloadRegions().
  std::shared_ptr<const access::RegionTree> Regions();
  // The same, loaded on the caller's connection when not cached (no second lease).
  std::shared_ptr<const access::RegionTree> Regions(store::Connection& c);
  void ReloadRegions();

  // The filter's scope is replaced by the caller's readable scope.
  Result<ProjectPage> List(const Ctx& ctx, store::ProjectFilter f);
  // The same page from the caches of list_cache.h: the filter's ordered ids, and the projects'
  // JSON members per version.
  Result<ProjectListPage> ListPage(const Ctx& ctx, store::ProjectFilter f);
  // Every project of the filter within `region` (its subtree; empty: the whole scope), no paging.
  Result<std::vector<store::ProjectRow>> ListInRegion(const Ctx& ctx, store::ProjectFilter f,
                                                      const std::string& region);
  // The same, one row at a time.
  Status ForEachInRegion(const Ctx& ctx, store::ProjectFilter f, const std::string& region,
                         const std::function<void(const store::ProjectRow&)>& fn);
  Result<store::ProjectRow> Get(const Ctx& ctx, int64_t id);
  // The same on the caller's connection (a use case that holds one takes no second).
  Result<store::ProjectRow> Get(store::Connection& c, const Ctx& ctx, int64_t id);
  // The request's project.read scope (Ctx::Reads) narrowed to `region` (its subtree; "" = the
  // whole scope; unknown or outside: empty, which selects nothing).
  access::ReadScope ReadableScope(const Ctx& ctx, const std::string& region);
  Result<store::ProjectRow> Create(const Ctx& ctx, const nlohmann::json& body);
  Result<store::ProjectRow> Update(const Ctx& ctx, int64_t id, const nlohmann::json& body);
  Result<store::ProjectRow> ChangeStage(const Ctx& ctx, int64_t id, const nlohmann::json& body);
  Result<store::ProjectRow> Archive(const Ctx& ctx, int64_t id, const nlohmann::json& body);
  Result<ProjectJournal> Journal(const Ctx& ctx, int64_t id);

  ledger::Dictionaries Dictionaries();
  // Answers every dictionary after the change.
  Result<ledger::Dictionaries> PutDictionary(const Ctx& ctx, const std::string& kind,
                                             const nlohmann::json& body);

  Result<ProjectOverview> Overview(const Ctx& ctx, const std::string& region);
  RegionList VisibleRegions(const Ctx& ctx);
  UnitList Units(const Ctx& ctx, const std::string& region);
  PersonList People(const Ctx& ctx, const std::string& region, const std::string& kind);

  // Reference checks shared with the import: county/town exist and fit, leader and unit exist,
  // and the caller may write the project where it now is.
  // `check_people_and_units` may be false when the ids come from a verified index (imports).
  void CheckReferences(store::Connection& c, const Ctx& ctx, const ledger::Project& p, Problems& pr,
                       bool check_people_and_units = true);

 private:
  using Mutation = std::function<Status(ledger::Project&)>;
  Result<store::ProjectRow> Mutate(const Ctx& ctx, int64_t id, const nlohmann::json& body,
                                   const std::string& action, const Mutation& change);
  // The filter's ids in its order, for the projects version of now (cached, see FilterIdCache).
  FilterIdCache::Ids FilterIds(store::Connection& c, const store::ProjectFilter& f);
  // The JSON members of these projects (aligned with `refs`), from the cache or the store.
  std::vector<ProjectJsonCache::Text> MemberTexts(store::Connection& c,
                                                  const std::vector<store::ProjectRef>& refs);

  store::Database& db_;
  std::mutex mu_;
  std::shared_ptr<const access::RegionTree> regions_;
  // The list endpoint's caches: counting or skipping 25,000 rows costs milliseconds, a page a
  // tenth of one.
  FilterIdCache id_cache_;
  ProjectJsonCache json_cache_;
};

}  // namespace gj::service
