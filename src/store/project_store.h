// SQL for projects, organisation and the journal. Portable SQL only; callers own transactions.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/result.h"
#include "domain/access/access.h"
#include "domain/access/read_scope.h"
#include "domain/ledger/project.h"
#include "domain/ledger/project_year.h"
#include "store/db.h"

namespace gj::store {

struct ProjectFilter {
  // The readable scope, set by the service from Ctx::Reads (default: nothing is selected;
  // ReadScope::All() for internal loads that have already checked access).
  access::ReadScope scope = access::ReadScope::None();
  std::optional<std::string> region, town, category, level, kind, track, stage, q;
  std::optional<int64_t> leader_id, unit_id;
  // The list of that year, with that year's kind and figures (without: each project's latest year).
  std::optional<int> year;
  std::optional<int64_t> id;
  bool include_archived = false;
  std::string sort = "code";
  bool descending = false;
  int64_t offset = 0;
  int64_t limit = 50;  // ≤ 0: no limit (exports)
};

struct ProjectRow {
  ledger::Project project;
  std::string county_name, town_name, leader_name, unit_name;
};

// SQL fragments for the many queries that join projects. The one condition a read scope becomes:
// " AND (alias.county_code IN (…) OR alias.town_code IN (…))" for the scope's counties and towns,
// " AND 1=0" for an empty scope (it selects nothing, never "no condition"), "" for ReadScope::All().
// And " AND alias.project_id IN (…)" when `ids` is not empty. Values go to `params`.
std::string ScopeClause(const access::ReadScope& scope, std::vector<Value>& params, const char* alias = "pr");
std::string ProjectIdClause(const std::vector<int64_t>& ids, std::vector<Value>& params, const char* alias);
// The scope of a row that names its project by `column` (a problem's, a report's project_id) and is
// read without joining projects: " AND column IN (SELECT the scope's project ids)", " AND 1=0" for an
// empty scope, "" for ReadScope::All().
std::string ProjectOfRowInScope(const access::ReadScope& scope, std::vector<Value>& params,
                                const char* column);
// The scope of a row that reaches its project through a parent row (a photo through its report, a
// problem step through its problem): " AND column IN (SELECT id FROM parent_table WHERE its
// project_id is in scope)", " AND 1=0" for an empty scope, "" for ReadScope::All().
std::string ParentInScope(const access::ReadScope& scope, std::vector<Value>& params, const char* column,
                          const char* parent_table);

// A project reads with one year row (ledger/project_year.h): `year`'s (none when the project is not
// on that year's list), or without a year its latest (a project on no list reads with the year,
// kind and figures empty). Every list and sum of ProjectFilter does the same with `f.year`.
// Every reader of projects takes the scope first (an empty scope: nothing; a project outside it
// reads as missing).
std::optional<ledger::Project> LoadProject(Connection& c, const access::ReadScope& scope, int64_t id,
                                           std::optional<int> year = {});
std::optional<ledger::Project> LoadProjectByCode(Connection& c, const access::ReadScope& scope,
                                                 const std::string& code, std::optional<int> year = {});
// code → id of every project of the scope (archived too).
std::unordered_map<std::string, int64_t> ProjectIdsByCode(Connection& c, const access::ReadScope& scope);
// Every write bumps ProjectsVersion; a bulk writer may pass bump_version = false for each row
// and call BumpProjectsVersion once in the same transaction. The insert also puts the project on
// its year's list (its year row: p.year, p.kind and the annual figures).
int64_t InsertProject(Connection& c, const ledger::Project& p, bool bump_version = true);
void BumpProjectsVersion(Connection& c);
// Writes every field and bumps the version; the 409 (StaleVersion) when `expected_version` is stale.
// The year fields go to the year row of p.year (created when missing; its version moves when
// they changed); projects.year (the first list year) is never rewritten.
Status UpdateProject(Connection& c, const ledger::Project& p, int64_t expected_version);
// The year row of a project's year fields.
ledger::ProjectYear YearOf(const ledger::Project& p, int64_t id);

std::vector<ProjectRow> ListProjects(Connection& c, const ProjectFilter& f);
// The same rows, one at a time (exports).
void ForEachProject(Connection& c, const ProjectFilter& f, const std::function<void(const ProjectRow&)>& fn);

// Every id the filter selects, in its order (offset and limit ignored): from the index where the
// filter allows, without reading the rows.
std::vector<int64_t> ListProjectIds(Connection& c, const ProjectFilter& f);

// A project of a list page without its own fields: its version, and the names it references
// (those change without the project's version changing).
struct ProjectRef {
  int64_t id = 0;
  int64_t version = 0;
  int year = 0;              // the year row read (0: none)
  int64_t year_version = 0;  // its version
  std::string county_name, town_name, leader_name, unit_name;
};
// The refs of these projects (archived too), in no particular order.
std::vector<ProjectRef> LoadProjectRefs(Connection& c, const access::ReadScope& scope,
                                        const std::vector<int64_t>& ids, std::optional<int> year = {});
// The projects with these ids (archived too), in no particular order.
std::vector<ledger::Project> LoadProjects(Connection& c, const access::ReadScope& scope,
                                          const std::vector<int64_t>& ids, std::optional<int> year = {});
std::optional<ProjectRow> LoadProjectRow(Connection& c, const access::ReadScope& scope, int64_t id,
                                         std::optional<int> year = {});

// Increases with every committed project write (insert, update, archive): read models and caches
// compare it to know whether they are stale, across server instances too.
int64_t ProjectsVersion(Connection& c);
// A key that identifies the rows a filter selects (not its order or page).
std::string FilterKey(const ProjectFilter& f);
// Refreshes the query planner's statistics (SQLite ANALYZE; PostgreSQL does it by itself).
void Analyze(Connection& c);

struct Aggregate {
  std::string key;
  int64_t count = 0;
  int64_t total_investment = 0, annual_plan = 0, annual_completed = 0;
};
// Counts and sums grouped by one of: stage, category, town_code, county_code, level, kind, track.
std::vector<Aggregate> AggregateProjects(Connection& c, const ProjectFilter& f,
                                         const std::string& group_column);

// Sorts accepted by ListProjects (whitelist: nothing from the request reaches SQL text).
bool IsSortableColumn(const std::string& column);

std::vector<access::Region> LoadRegions(Connection& c);
// The regions whose parent is `parent` (a county's towns), in code order.
std::vector<access::Region> ChildRegions(Connection& c, const std::string& parent);
// The ids of a county's projects (archived too), in id order.
std::vector<int64_t> ProjectIdsOfCounty(Connection& c, const access::ReadScope& scope,
                                        const std::string& county);
// The ids of a county's `limit` largest live projects of list year `year` (total investment, then id).
std::vector<int64_t> LargestProjectIds(Connection& c, const access::ReadScope& scope,
                                       const std::string& county, int year, int limit);
ledger::Dictionaries LoadDictionaries(Connection& c);
void ReplaceDictionary(Connection& c, const std::string& kind, const std::vector<ledger::DictEntry>& items);

}  // namespace gj::store
