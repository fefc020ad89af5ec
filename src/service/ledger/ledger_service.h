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
#include "store/project_store.h"

namespace gj::service {

// The API form of a project: its fields plus the names of what it references.
nlohmann::json ProjectView(const store::ProjectRow& row);
// The same, appended as JSON text (the list endpoint's hot path).
void AppendProjectView(std::string& out, const store::ProjectRow& row);

// Where a project is and which unit leads it: what a permission on the project is checked against.
access::Target TargetOf(const ledger::Project& p);

struct ProjectPage {
  std::vector<store::ProjectRow> items;
  int64_t total_count = 0;
  int64_t offset = 0;
  int64_t limit = 0;
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
  // The same page as the API's JSON text ({items, total_count, offset, limit}), from the
  // caches of list_cache.h: the filter's ordered ids, and the projects' texts per version.
  Result<std::string> ListPageJson(const Ctx& ctx, store::ProjectFilter f);
  // Every project of the filter within `region` (its subtree; empty: the whole scope), no paging.
  Result<std::vector<store::ProjectRow>> ListInRegion(const Ctx& ctx, store::ProjectFilter f, const std::string& region);
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
  Result<nlohmann::json> Journal(const Ctx& ctx, int64_t id);

  nlohmann::json DictionariesJson();
  ledger::Dictionaries Dictionaries();
  Result<nlohmann::json> PutDictionary(const Ctx& ctx, const std::string& kind, const nlohmann::json& body);

  Result<nlohmann::json> Overview(const Ctx& ctx, const std::string& region);
  nlohmann::json RegionsJson(const Ctx& ctx);
  nlohmann::json UnitsJson(const Ctx& ctx, const std::string& region);
  nlohmann::json PeopleJson(const Ctx& ctx, const std::string& region, const std::string& kind);

  // Reference checks shared with the import: county/town exist and fit, leader and unit exist,
  // and the caller may write the project where it now is.
  // `check_people_and_units` may be false when the ids come from a verified index (imports).
  void CheckReferences(store::Connection& c, const Ctx& ctx, const ledger::Project& p, Problems& pr,
                       bool check_people_and_units = true);

 private:
  using Mutation = std::function<Status(ledger::Project&)>;
  Result<store::ProjectRow> Mutate(const Ctx& ctx, int64_t id, const nlohmann::json& body, const std::string& action,
                                   const Mutation& change);
  // The filter's ids in its order, for the projects version of now (cached, see FilterIdCache).
  FilterIdCache::Ids FilterIds(store::Connection& c, const store::ProjectFilter& f);
  // The JSON members of these projects (aligned with `refs`), from the cache or the store.
  std::vector<ProjectJsonCache::Text> MemberTexts(store::Connection& c, const std::vector<store::ProjectRef>& refs);

  store::Database& db_;
  std::mutex mu_;
  std::shared_ptr<const access::RegionTree> regions_;
  // The list endpoint's caches: counting or skipping 25,000 rows costs milliseconds, a page a
  // tenth of one.
  FilterIdCache id_cache_;
  ProjectJsonCache json_cache_;
};

}  // namespace gj::service
