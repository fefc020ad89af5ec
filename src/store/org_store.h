// Organisation: regions, units (departments, towns), people (leaders, specialists, staff).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include "domain/access/access.h"
#include "domain/access/read_scope.h"

#include "common/result.h"
#include "store/db.h"

namespace gj::store {

struct Unit {
  int64_t id = 0;
  std::string name;
  std::string kind;  // department, town, park, soe, other
  std::string region_code;
  bool archived = false;
  int64_t version = 1;
};

struct Person {
  int64_t id = 0;
  std::string name;
  std::string title;
  std::string kind;  // leader, head, specialist, helper, liaison, staff
  std::string region_code;
  std::optional<int64_t> unit_id;
  std::string phone;
  std::string tier;  // a helper's (红帮办/助企专员) level: county, town, village; "" otherwise
  bool archived = false;
  int64_t version = 1;
};

void InsertRegion(Connection& c, const access::Region& r, int sort);
// The sort position after every region's (0 in an empty database): where new regions go.
int NextRegionSort(Connection& c);
int64_t InsertUnit(Connection& c, const Unit& u);
int64_t InsertPerson(Connection& c, const Person& p);

// Units and people of the given regions (all when empty is false but the list is empty: none).
// Archived ones too when asked (the roster import's keys name them).
std::vector<Unit> ListUnits(Connection& c, const access::ReadScope& scope, bool include_archived = false);
std::vector<Person> ListPeople(Connection& c, const access::ReadScope& scope, const std::string& kind,
                               bool include_archived = false);
// One record by id: nothing when its region is outside the scope (ReadScope::ContainsRegion: the
// regions below the grants, and above them for a scope that reaches up); an empty scope reads none.
std::optional<Unit> LoadUnit(Connection& c, const access::ReadScope& scope, int64_t id);
std::optional<Person> LoadPerson(Connection& c, const access::ReadScope& scope, int64_t id);
// The name of every unit and person of the scope by id, archived ones too (reports name past records).
std::map<int64_t, std::string> UnitNames(Connection& c, const access::ReadScope& scope);
std::map<int64_t, std::string> PersonNames(Connection& c, const access::ReadScope& scope);
// The id of the unit (or person) of this name in this region of the scope, if any (the demo looks its own
// up).
std::optional<int64_t> FindUnitId(Connection& c, const access::ReadScope& scope, const std::string& region,
                                  const std::string& name);
std::optional<int64_t> FindPersonId(Connection& c, const access::ReadScope& scope, const std::string& region,
                                    const std::string& name);

// ---- Organisation admin (系统管理): versioned writes, archive checks, 专班 ----

// 专班: a task force with its lead, its members and the projects it carries.
struct Team {
  int64_t id = 0;
  std::string name;
  std::string region_code;
  std::optional<int64_t> lead_person_id;
  bool archived = false;
  int64_t version = 1;
  std::vector<int64_t> member_ids;   // people, ascending
  std::vector<int64_t> project_ids;  // projects, ascending
};

// What still names a record (an open project, an open problem, an assignment, a member…): why
// archiving it is refused.
struct Reference {
  std::string kind;  // project, problem, assignment, region, unit, person, team
  int64_t id = 0;    // 0 for a region (named by its code)
  std::string code;  // a region's or a project's code
  std::string name;
  std::string role;  // how it names the record: unit_id, leader_id, town_code, member…
};

// A region as the admin edits it: the tree's fields (access::Region) and the admin's.
struct OrgRegion {
  access::Region region;  // code, name, level, parent_code
  int64_t sort = 0;
  bool archived = false;
  int64_t version = 1;
};

std::optional<OrgRegion> LoadOrgRegion(Connection& c, const std::string& code);
void InsertOrgRegion(Connection& c, const OrgRegion& r);
// The sort after the last child of `parent` (a new region comes last).
int64_t NextRegionSort(Connection& c, const std::string& parent);
Status UpdateRegion(Connection& c, const OrgRegion& r, int64_t expected_version);
Status UpdateUnit(Connection& c, const Unit& u, int64_t expected_version);
Status UpdatePerson(Connection& c, const Person& p, int64_t expected_version);
// The journal's changes of each record (created: its identifying fields).
nlohmann::json RegionChanges(const OrgRegion& before, const OrgRegion& after);
nlohmann::json UnitChanges(const Unit& before, const Unit& after);
nlohmann::json PersonChanges(const Person& before, const Person& after);
nlohmann::json TeamChanges(const Team& before, const Team& after);  // members and projects too

int64_t InsertTeam(Connection& c, const Team& t);  // with its members and projects
std::optional<Team> LoadTeam(Connection& c, const access::ReadScope& scope, int64_t id);
// Teams of the scope's regions; archived ones only when asked.
std::vector<Team> ListTeams(Connection& c, const access::ReadScope& scope, bool include_archived);
// Writes name, region, lead and archived by version, then replaces members and projects.
Status UpdateTeam(Connection& c, const Team& t, int64_t expected_version);

// What still names a region (open projects, active units, people, teams, sub-regions), a unit
// (open projects and problems, active people) or a person (open projects as leader, assignments
// on open projects, open problems as coordinator, active teams as lead or member). Open project:
// not archived and not completed or operating; open problem: not closed and not deferred.
std::vector<Reference> ReferencesToRegion(Connection& c, const std::string& code);
std::vector<Reference> ReferencesToUnit(Connection& c, int64_t id);
std::vector<Reference> ReferencesToPerson(Connection& c, int64_t id);
// Which of `ids` are not rows of `table` ("projects": any project; "people": active people).
std::vector<int64_t> MissingIds(Connection& c, const std::string& table, const std::vector<int64_t>& ids);

}  // namespace gj::store
