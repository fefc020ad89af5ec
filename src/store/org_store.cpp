#include "store/org_store.h"

#include "store/row.h"
#include "store/table.h"

namespace gj::store {

namespace {

const Table kRegions{"regions", {"code", "name", "level", "parent_code", "sort"}};
const Table kUnits{"units", {"id", "name", "kind", "region_code"}};
const Table kPeople{"people", {"id", "name", "title", "kind", "region_code", "unit_id"}};

Unit UnitFrom(RowReader& r) {
  Unit u;
  u.id = r.Int("id");
  u.name = r.Text("name");
  u.kind = r.Text("kind");
  u.region_code = r.Text("region_code");
  return u;
}

Person PersonFrom(RowReader& r) {
  Person p;
  p.id = r.Int("id");
  p.name = r.Text("name");
  p.title = r.Text("title");
  p.kind = r.Text("kind");
  p.region_code = r.Text("region_code");
  p.unit_id = r.OptInt("unit_id");
  return p;
}

}  // namespace

void InsertRegion(Connection& c, const access::Region& r, int sort) {
  InsertRow(c, kRegions,
            {{"code", r.code}, {"name", r.name}, {"level", r.level}, {"parent_code", NullIfEmpty(r.parent_code)},
             {"sort", int64_t{sort}}});
}

int64_t InsertUnit(Connection& c, const Unit& u) {
  return InsertReturningId(c, kUnits, {{"name", u.name}, {"kind", u.kind}, {"region_code", u.region_code}});
}

int64_t InsertPerson(Connection& c, const Person& p) {
  return InsertReturningId(c, kPeople,
                           {{"name", p.name}, {"title", p.title}, {"kind", p.kind}, {"region_code", p.region_code},
                            {"unit_id", Opt(p.unit_id)}});
}

std::vector<Unit> ListUnits(Connection& c, const std::vector<std::string>& regions) {
  std::vector<Value> params;
  const std::string sql = "SELECT " + kUnits.Select() + " FROM units WHERE archived = 0 AND region_code IN (" +
                          InList(regions, params) + ") ORDER BY region_code, kind, id";
  return ReadRows(c, sql, params, UnitFrom);
}

std::vector<Person> ListPeople(Connection& c, const std::vector<std::string>& regions, const std::string& kind) {
  std::vector<Value> params;
  std::string sql = "SELECT " + kPeople.Select() + " FROM people WHERE region_code IN (" + InList(regions, params) + ")";
  if (!kind.empty()) {
    sql += " AND kind = ?";
    params.emplace_back(kind);
  }
  return ReadRows(c, sql + " ORDER BY region_code, id", params, PersonFrom);
}

std::optional<Unit> LoadUnit(Connection& c, int64_t id) {
  return ReadOne(c, "SELECT " + kUnits.Select() + " FROM units WHERE id = ?", {id}, UnitFrom);
}

std::optional<Person> LoadPerson(Connection& c, int64_t id) {
  return ReadOne(c, "SELECT " + kPeople.Select() + " FROM people WHERE id = ?", {id}, PersonFrom);
}

}  // namespace gj::store
