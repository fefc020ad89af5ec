#include "store/org_store.h"

#include "store/fields.h"

namespace gj::store {

namespace {

const Table kRegions{"regions", {"code", "name", "level", "parent_code", "sort"}};
// Each table's field list: what its rows read and write.
const Fields<Unit> kUnitFields = GJ_COLUMNS(Unit, id, name, kind, region_code).ReadOnly({"id"});
const Fields<Person> kPersonFields =
    GJ_COLUMNS(Person, id, name, title, kind, region_code, unit_id).ReadOnly({"id"});
const Table kUnits = TableOf("units", kUnitFields);
const Table kPeople = TableOf("people", kPersonFields);

}  // namespace

void InsertRegion(Connection& c, const access::Region& r, int sort) {
  InsertRow(c, kRegions,
            {{"code", r.code},
             {"name", r.name},
             {"level", r.level},
             {"parent_code", NullIfEmpty(r.parent_code)},
             {"sort", int64_t{sort}}});
}

int NextRegionSort(Connection& c) {
  return static_cast<int>(
      ReadOne(c, "SELECT COALESCE(MAX(sort) + 1, 0) AS next FROM regions", {}, [](RowReader& r) {
        return r.Int("next");
      }).value_or(0));
}

int64_t InsertUnit(Connection& c, const Unit& u) {
  return InsertReturningId(c, kUnits, InsertValuesOf(kUnitFields, u));
}

int64_t InsertPerson(Connection& c, const Person& p) {
  return InsertReturningId(c, kPeople, InsertValuesOf(kPersonFields, p));
}

namespace {

// An organisation's scope: its region is one the scope reads downward (all: no condition).
std::string OrgScope(const access::ReadScope& scope, std::vector<Value>& params) {
  return scope.all() ? "" : " AND region_code IN (" + InList(scope.regions(), params) + ")";
}

}  // namespace

std::vector<Unit> ListUnits(Connection& c, const access::ReadScope& scope) {
  std::vector<Value> params;
  const std::string sql = "SELECT " + kUnits.Select() + " FROM units WHERE archived = 0" +
                          OrgScope(scope, params) + " ORDER BY region_code, kind, id";
  return ReadRows(c, sql, params, RecordOf(kUnitFields));
}

std::vector<Person> ListPeople(Connection& c, const access::ReadScope& scope, const std::string& kind) {
  std::vector<Value> params;
  std::string sql = "SELECT " + kPeople.Select() + " FROM people WHERE 1=1" + OrgScope(scope, params);
  if (!kind.empty()) {
    sql += " AND kind = ?";
    params.emplace_back(kind);
  }
  return ReadRows(c, sql + " ORDER BY region_code, id", params, RecordOf(kPersonFields));
}

std::optional<Unit> LoadUnit(Connection& c, int64_t id) {
  return ReadOne(c, "SELECT " + kUnits.Select() + " FROM units WHERE id = ?", {id}, RecordOf(kUnitFields));
}

std::optional<Person> LoadPerson(Connection& c, int64_t id) {
  return ReadOne(c, "SELECT " + kPeople.Select() + " FROM people WHERE id = ?", {id},
                 RecordOf(kPersonFields));
}

namespace {
std::map<int64_t, std::string> NamesOf(Connection& c, std::string_view sql) {
  std::map<int64_t, std::string> out;
  ForEachRow(c, sql, {}, [&](RowReader& r) { out[r.Int("id")] = r.Text("name"); });
  return out;
}
}  // namespace

std::map<int64_t, std::string> UnitNames(Connection& c) { return NamesOf(c, "SELECT id, name FROM units"); }
std::map<int64_t, std::string> PersonNames(Connection& c) {
  return NamesOf(c, "SELECT id, name FROM people");
}

namespace {
std::optional<int64_t> IdByName(Connection& c, const std::string& table, const std::string& region,
                                const std::string& name) {
  return ReadOne(c, "SELECT id FROM " + table + " WHERE region_code = ? AND name = ? ORDER BY id",
                 {region, name}, [](RowReader& r) { return r.Int("id"); });
}
}  // namespace

std::optional<int64_t> FindUnitId(Connection& c, const std::string& region, const std::string& name) {
  return IdByName(c, kUnits.name, region, name);
}

std::optional<int64_t> FindPersonId(Connection& c, const std::string& region, const std::string& name) {
  return IdByName(c, kPeople.name, region, name);
}

}  // namespace gj::store
