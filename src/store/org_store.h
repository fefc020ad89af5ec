// Organisation: regions, units (departments, towns), people (leaders, specialists, staff).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/access/access.h"
#include "domain/access/read_scope.h"
#include "store/db.h"

namespace gj::store {

struct Unit {
  int64_t id = 0;
  std::string name;
  std::string kind;  // department, town
  std::string region_code;
};

struct Person {
  int64_t id = 0;
  std::string name;
  std::string title;
  std::string kind;  // leader, specialist, staff
  std::string region_code;
  std::optional<int64_t> unit_id;
};

void InsertRegion(Connection& c, const access::Region& r, int sort);
// The sort position after every region's (0 in an empty database): where new regions go.
int NextRegionSort(Connection& c);
int64_t InsertUnit(Connection& c, const Unit& u);
int64_t InsertPerson(Connection& c, const Person& p);

// Units and people of the given regions (all when empty is false but the list is empty: none).
std::vector<Unit> ListUnits(Connection& c, const access::ReadScope& scope);
std::vector<Person> ListPeople(Connection& c, const access::ReadScope& scope, const std::string& kind);
std::optional<Unit> LoadUnit(Connection& c, int64_t id);
std::optional<Person> LoadPerson(Connection& c, int64_t id);
// Every unit's and every person's name by id, archived ones too (reports name past records).
std::map<int64_t, std::string> UnitNames(Connection& c);
std::map<int64_t, std::string> PersonNames(Connection& c);
// The id of the unit (or person) of this name in this region, if any (the demo looks its own up).
std::optional<int64_t> FindUnitId(Connection& c, const std::string& region, const std::string& name);
std::optional<int64_t> FindPersonId(Connection& c, const std::string& region, const std::string& name);

}  // namespace gj::store
