#include "store/org_store.h"

namespace gj::store {

namespace {

Unit UnitFrom(const std::vector<Value>& r) { return {AsInt(r[0]), AsText(r[1]), AsText(r[2]), AsText(r[3])}; }
Person PersonFrom(const std::vector<Value>& r) {
  return {AsInt(r[0]), AsText(r[1]), AsText(r[2]), AsText(r[3]), AsText(r[4]), AsOptInt(r[5])};
}

}  // namespace

void InsertRegion(Connection& c, const access::Region& r, int sort) {
  c.Exec("INSERT INTO regions (code, name, level, parent_code, sort) VALUES (?,?,?,?,?)",
         {r.code, r.name, r.level, r.parent_code.empty() ? Null() : Value(r.parent_code), int64_t{sort}});
}

int64_t InsertUnit(Connection& c, const Unit& u) {
  return AsInt(c.Query("INSERT INTO units (name, kind, region_code) VALUES (?,?,?) RETURNING id",
                       {u.name, u.kind, u.region_code})
                   .rows.at(0)
                   .at(0));
}

int64_t InsertPerson(Connection& c, const Person& p) {
  return AsInt(c.Query("INSERT INTO people (name, title, kind, region_code, unit_id) VALUES (?,?,?,?,?) RETURNING id",
                       {p.name, p.title, p.kind, p.region_code, Opt(p.unit_id)})
                   .rows.at(0)
                   .at(0));
}

std::vector<Unit> ListUnits(Connection& c, const std::vector<std::string>& regions) {
  std::vector<Value> params;
  auto rows = c.Query("SELECT id, name, kind, region_code FROM units WHERE archived = 0 AND region_code IN (" +
                          InList(regions, params) + ") ORDER BY region_code, kind, id",
                      params);
  std::vector<Unit> out;
  for (const auto& r : rows.rows) out.push_back(UnitFrom(r));
  return out;
}

std::vector<Person> ListPeople(Connection& c, const std::vector<std::string>& regions, const std::string& kind) {
  std::vector<Value> params;
  std::string sql = "SELECT id, name, title, kind, region_code, unit_id FROM people WHERE region_code IN (" +
                    InList(regions, params) + ")";
  if (!kind.empty()) {
    sql += " AND kind = ?";
    params.emplace_back(kind);
  }
  auto rows = c.Query(sql + " ORDER BY region_code, id", params);
  std::vector<Person> out;
  for (const auto& r : rows.rows) out.push_back(PersonFrom(r));
  return out;
}

std::optional<Unit> LoadUnit(Connection& c, int64_t id) {
  auto rows = c.Query("SELECT id, name, kind, region_code FROM units WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return UnitFrom(rows.rows[0]);
}

std::optional<Person> LoadPerson(Connection& c, int64_t id) {
  auto rows = c.Query("SELECT id, name, title, kind, region_code, unit_id FROM people WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return PersonFrom(rows.rows[0]);
}

}  // namespace gj::store
