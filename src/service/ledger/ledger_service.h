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
#include "domain/ledger/project_year.h"
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
  int year = 0;  // the list's year (the filter's, else the current list year)
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
  int year = 0;  // the list shown
  // 同比: last year's list at the same date one year earlier; none when last year has no list.
  struct Previous {
    int year = 0;
    Date as_of;
    int64_t project_count = 0, total_investment = 0, annual_plan = 0, annual_completed = 0;
  };
  std::optional<Previous> previous;
};

// A project's years, ascending (GET /projects/{id}/years).
struct ProjectYearList {
  std::vector<ledger::ProjectYear> items;
};
// A year row after PUT: `created` when the project joined that year's list (201).
struct PutYearResult {
  ledger::ProjectYear year;
  bool created = false;
};
// POST /years/{year}/rollover: which projects of from_year's list carry to to_year's, and why.
struct RolloverResult {
  int from_year = 0, to_year = 0;
  bool dry_run = true;
  int64_t carried = 0;
  std::vector<ledger::RolloverDecision> items;
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
  // Every project of the filter within `region` (its subtree; empty: the whole scope), no paging;
  // of the current list year at ctx.today unless the filter names a year.
  Result<std::vector<store::ProjectRow>> ListInRegion(const Ctx& ctx, store::ProjectFilter f,
                                                      const std::string& region);
  // The same, one row at a time.
  Status ForEachInRegion(const Ctx& ctx, store::ProjectFilter f, const std::string& region,
                         const std::function<void(const store::ProjectRow&)>& fn);
  // With the figures of `year` (404 when the project is not on that year's list), else of the
  // project's latest year ≤ the current list year (else its latest): ShownYear.
  Result<store::ProjectRow> Get(const Ctx& ctx, int64_t id, std::optional<int> year = {});
  // The same on the caller's connection (a use case that holds one takes no second).
  Result<store::ProjectRow> Get(store::Connection& c, const Ctx& ctx, int64_t id,
                                std::optional<int> year = {});
  // The current list year at `as_of` (ledger::CurrentListYear over the years that have a list of
  // some project within `scope`): the year every figure read defaults to. Scoped so that one
  // county's new list does not move another county's default (nor tell it that one exists).
  int CurrentListYear(store::Connection& c, const Date& as_of, const access::ReadScope& scope);
  int CurrentListYear(const Date& as_of, const access::ReadScope& scope);
  // The year a single project is shown in by default (ledger::ProjectDisplayYear); 0 when it is on
  // no list.
  int ShownYear(store::Connection& c, const Ctx& ctx, int64_t id);

  // Project years (ledger_years.cpp). Reading needs project.read (404 otherwise), writing
  // project.write on the project (403), the roll-over project.rollover.
  Result<ProjectYearList> Years(const Ctx& ctx, int64_t id);
  Result<ledger::ProjectYear> Year(const Ctx& ctx, int64_t id, int year);
  // {"version"?, "kind"?, "annual_plan", "annual_completed"}: without version creates the row
  // (the project joins that year's list; kind defaults to continuing when it was on an earlier
  // list, else new), with version updates it (kind kept when not sent; amounts as sent, absent =
  // null). Journaled as action "year.put".
  Result<PutYearResult> PutYear(const Ctx& ctx, int64_t id, int year, const nlohmann::json& body);
  // {"dry_run", "region"?, "plans"?: {"<project id>": yuan}}: from_year's unfinished projects of
  // the region (default: the caller's scope) join from_year + 1's list as continuing, all or nothing.
  Result<RolloverResult> Rollover(const Ctx& ctx, int from_year, const nlohmann::json& body);
  // The request's project.read scope (Ctx::Reads) narrowed to `region` (its subtree; "" = the
  // whole scope; unknown or outside: empty, which selects nothing).
  access::ReadScope ReadableScope(const Ctx& ctx, const std::string& region);
  // The same for a read of ?region=: a region given that selects nothing (unknown, or none of it
  // readable by the caller) is 404 "no region", as the overview answers what the caller may
  // not see; "" is the whole scope (empty for a role without project.read: an empty result).
  Result<access::ReadScope> RegionScope(const Ctx& ctx, const std::string& region);
  Result<store::ProjectRow> Create(const Ctx& ctx, const nlohmann::json& body);
  Result<store::ProjectRow> Update(const Ctx& ctx, int64_t id, const nlohmann::json& body);
  Result<store::ProjectRow> ChangeStage(const Ctx& ctx, int64_t id, const nlohmann::json& body);
  Result<store::ProjectRow> Archive(const Ctx& ctx, int64_t id, const nlohmann::json& body);
  Result<ProjectJournal> Journal(const Ctx& ctx, int64_t id);

  ledger::Dictionaries Dictionaries();
  // Answers every dictionary after the change.
  Result<ledger::Dictionaries> PutDictionary(const Ctx& ctx, const std::string& kind,
                                             const nlohmann::json& body);

  // Of `year`'s list (default: the current list year at as_of, default today), with 同比: the list
  // of year - 1 at the same date one year earlier. Both are counted by one function
  // (ledger_overview.cpp): counts, total investment and annual plans are the ledger's (the year
  // rows'); 年度完成投资 is what the lights count at the date (as_of, at most 31 Dec of the year):
  // per project the highest year-to-date figure filed in a progress report of the year by then,
  // else the year row's.
  Result<ProjectOverview> Overview(const Ctx& ctx, const std::string& region, std::optional<int> year = {},
                                   std::optional<Date> as_of = {});
  RegionList VisibleRegions(const Ctx& ctx);
  UnitList Units(const Ctx& ctx, const std::string& region);
  PersonList People(const Ctx& ctx, const std::string& region, const std::string& kind);

  // Reference checks shared with the import: county/town exist and fit, leader and unit exist,
  // and the caller may write the project where it now is (`permission`: project.write; a new row of
  // an import asks project.import, which the admin holds for the first sheet).
  // `check_people_and_units` may be false when the ids come from a verified index (imports).
  void CheckReferences(store::Connection& c, const Ctx& ctx, const ledger::Project& p, Problems& pr,
                       bool check_people_and_units = true, const char* permission = access::kProjectWrite);

 private:
  using Mutation = std::function<Status(ledger::Project&)>;
  Result<store::ProjectRow> Mutate(const Ctx& ctx, int64_t id, const nlohmann::json& body,
                                   const std::string& action, const Mutation& change);
  // The filter's ids in its order, for the projects version of now (cached, see FilterIdCache).
  FilterIdCache::Ids FilterIds(store::Connection& c, const store::ProjectFilter& f);
  // The JSON members of these projects (aligned with `refs`), from the cache or the store.
  std::vector<ProjectJsonCache::Text> MemberTexts(store::Connection& c, const access::ReadScope& scope,
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
