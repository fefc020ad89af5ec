#include "store/org_store.h"

#include <algorithm>

#include "domain/ledger/project.h"
#include "store/fields.h"
#include "store/journal.h"

namespace gj::store {

namespace {

// Each table's field list: what its rows read and write.
const Fields<OrgRegion> kRegionFields = GJ_COLUMNS_IN(OrgRegion::region, code, name, level, parent_code)
                                            .And(GJ_COLUMNS(OrgRegion, sort, archived, version))
                                            .OnInsert({"code", "level", "parent_code"})
                                            .OrNull({"parent_code"})
                                            .JournaledAsBool({"archived"})
                                            .ReadOnly({"version"});
const Table kRegions = TableOf("regions", kRegionFields);
const Fields<Unit> kUnitFields = GJ_COLUMNS(Unit, id, name, kind, region_code, archived, version)
                                     .ReadOnly({"id", "version"})
                                     .JournaledAsBool({"archived"});
const Fields<Person> kPersonFields =
    GJ_COLUMNS(Person, id, name, title, kind, region_code, unit_id, phone, tier, archived, version)
        .ReadOnly({"id", "version"})
        .JournaledAsBool({"archived"});
const Table kUnits = TableOf("units", kUnitFields);
const Table kPeople = TableOf("people", kPersonFields);

}  // namespace

void InsertRegion(Connection& c, const access::Region& r, int sort) {  // the demo's and init's regions
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

// One record read by id: its region is one the scope contains (ReadScope::ContainsRegion), " AND
// 1=0" for an empty scope, nothing for ReadScope::All().
std::string OrgRecordScope(const access::ReadScope& scope, std::vector<Value>& params) {
  if (scope.all()) return "";
  if (scope.Empty()) return " AND 1=0";
  std::vector<std::string> regions = scope.regions();
  regions.insert(regions.end(), scope.regions_above().begin(), scope.regions_above().end());
  return " AND region_code IN (" + InList(regions, params) + ")";
}

}  // namespace

std::vector<Unit> ListUnits(Connection& c, const access::ReadScope& scope, bool include_archived) {
  std::vector<Value> params;
  const std::string sql = "SELECT " + kUnits.Select() + " FROM units WHERE " +
                          (include_archived ? "1 = 1" : "archived = 0") + OrgScope(scope, params) +
                          " ORDER BY region_code, kind, id";
  return ReadRows(c, sql, params, RecordOf(kUnitFields));
}

std::vector<Person> ListPeople(Connection& c, const access::ReadScope& scope, const std::string& kind,
                               bool include_archived) {
  std::vector<Value> params;
  std::string sql = "SELECT " + kPeople.Select() + " FROM people WHERE " +
                    (include_archived ? "1 = 1" : "archived = 0") + OrgScope(scope, params);
  if (!kind.empty()) {
    sql += " AND kind = ?";
    params.emplace_back(kind);
  }
  return ReadRows(c, sql + " ORDER BY region_code, id", params, RecordOf(kPersonFields));
}

std::optional<Unit> LoadUnit(Connection& c, const access::ReadScope& scope, int64_t id) {
  std::vector<Value> params{id};
  const std::string in_scope = OrgRecordScope(scope, params);
  return ReadOne(c, "SELECT " + kUnits.Select() + " FROM units WHERE id = ?" + in_scope, params,
                 RecordOf(kUnitFields));
}

std::optional<Person> LoadPerson(Connection& c, const access::ReadScope& scope, int64_t id) {
  std::vector<Value> params{id};
  const std::string in_scope = OrgRecordScope(scope, params);
  return ReadOne(c, "SELECT " + kPeople.Select() + " FROM people WHERE id = ?" + in_scope, params,
                 RecordOf(kPersonFields));
}

namespace {
std::map<int64_t, std::string> NamesOf(Connection& c, const std::string& table,
                                       const access::ReadScope& scope) {
  std::map<int64_t, std::string> out;
  std::vector<Value> params;
  const std::string sql = "SELECT id, name FROM " + table + " WHERE 1=1" + OrgRecordScope(scope, params);
  ForEachRow(c, sql, params, [&](RowReader& r) { out[r.Int("id")] = r.Text("name"); });
  return out;
}
}  // namespace

std::map<int64_t, std::string> UnitNames(Connection& c, const access::ReadScope& scope) {
  return NamesOf(c, kUnits.name, scope);
}
std::map<int64_t, std::string> PersonNames(Connection& c, const access::ReadScope& scope) {
  return NamesOf(c, kPeople.name, scope);
}

namespace {
std::optional<int64_t> IdByName(Connection& c, const access::ReadScope& scope, const std::string& table,
                                const std::string& region, const std::string& name) {
  std::vector<Value> params{region, name};
  const std::string in_scope = OrgRecordScope(scope, params);
  return ReadOne(
      c, "SELECT id FROM " + table + " WHERE region_code = ? AND name = ?" + in_scope + " ORDER BY id",
      params, [](RowReader& r) { return r.Int("id"); });
}
}  // namespace

std::optional<int64_t> FindUnitId(Connection& c, const access::ReadScope& scope, const std::string& region,
                                  const std::string& name) {
  return IdByName(c, scope, kUnits.name, region, name);
}

std::optional<int64_t> FindPersonId(Connection& c, const access::ReadScope& scope, const std::string& region,
                                    const std::string& name) {
  return IdByName(c, scope, kPeople.name, region, name);
}

// ---- Organisation admin ----

std::optional<OrgRegion> LoadOrgRegion(Connection& c, const std::string& code) {
  return ReadOne(c, "SELECT " + kRegions.Select() + " FROM regions WHERE code = ?", {code},
                 RecordOf(kRegionFields));
}

void InsertOrgRegion(Connection& c, const OrgRegion& r) {
  InsertRow(c, kRegions, InsertValuesOf(kRegionFields, r));
}

int64_t NextRegionSort(Connection& c, const std::string& parent) {
  return ReadOne(c, "SELECT MAX(sort) AS s FROM regions WHERE parent_code = ? OR code = ?", {parent, parent},
                 [](RowReader& r) { return r.OptInt("s").value_or(0) + 1; })
      .value_or(1);
}

Status UpdateRegion(Connection& c, const OrgRegion& r, int64_t expected_version) {
  return UpdateVersioned(c, kRegions, "region", ValuesOf(kRegionFields, r), {{"code", r.region.code}},
                         expected_version);
}

Status UpdateUnit(Connection& c, const Unit& u, int64_t expected_version) {
  return UpdateVersioned(c, kUnits, "unit", ValuesOf(kUnitFields, u), u.id, expected_version);
}

Status UpdatePerson(Connection& c, const Person& p, int64_t expected_version) {
  return UpdateVersioned(c, kPeople, "person", ValuesOf(kPersonFields, p), p.id, expected_version);
}

nlohmann::json RegionChanges(const OrgRegion& before, const OrgRegion& after) {
  return JournalDiff(kRegionFields, before, after);
}
nlohmann::json UnitChanges(const Unit& before, const Unit& after) {
  return JournalDiff(kUnitFields, before, after);
}
nlohmann::json PersonChanges(const Person& before, const Person& after) {
  return JournalDiff(kPersonFields, before, after);
}

namespace {

const Fields<Team> kTeamFields = GJ_COLUMNS(Team, id, name, region_code, lead_person_id, archived, version)
                                     .ReadOnly({"id", "version"})
                                     .JournaledAsBool({"archived"});
const Table kTeams = TableOf("teams", kTeamFields);
const Table kTeamMembers{"team_members", {"team_id", "person_id"}};
const Table kTeamProjects{"team_projects", {"team_id", "project_id"}};

std::vector<int64_t> IdsOf(Connection& c, const std::string& sql, int64_t team) {
  return ReadRows(c, sql, {team}, [](RowReader& r) { return r.Int("id"); });
}

// The team's members and projects, read after its row.
Team WithLists(Connection& c, Team t) {
  t.member_ids =
      IdsOf(c, "SELECT person_id AS id FROM team_members WHERE team_id = ? ORDER BY person_id", t.id);
  t.project_ids =
      IdsOf(c, "SELECT project_id AS id FROM team_projects WHERE team_id = ? ORDER BY project_id", t.id);
  return t;
}

void WriteLists(Connection& c, const Team& t) {
  c.Exec("DELETE FROM team_members WHERE team_id = ?", {t.id});
  c.Exec("DELETE FROM team_projects WHERE team_id = ?", {t.id});
  for (int64_t p : t.member_ids) InsertRow(c, kTeamMembers, {{"team_id", t.id}, {"person_id", p}});
  for (int64_t p : t.project_ids) InsertRow(c, kTeamProjects, {{"team_id", t.id}, {"project_id", p}});
}

}  // namespace

nlohmann::json TeamChanges(const Team& before, const Team& after) {
  nlohmann::json out = JournalDiff(kTeamFields, before, after);
  if (before.member_ids != after.member_ids)
    out.push_back({{"field", "member_ids"}, {"old", before.member_ids}, {"new", after.member_ids}});
  if (before.project_ids != after.project_ids)
    out.push_back({{"field", "project_ids"}, {"old", before.project_ids}, {"new", after.project_ids}});
  return out;
}

int64_t InsertTeam(Connection& c, const Team& t) {
  Team stored = t;
  stored.id = InsertReturningId(c, kTeams, InsertValuesOf(kTeamFields, t));
  WriteLists(c, stored);
  return stored.id;
}

std::optional<Team> LoadTeam(Connection& c, const access::ReadScope& scope, int64_t id) {
  std::vector<Value> params{id};
  const std::string in_scope = OrgRecordScope(scope, params);
  auto t = ReadOne(c, "SELECT " + kTeams.Select() + " FROM teams WHERE id = ?" + in_scope, params,
                   RecordOf(kTeamFields));
  if (!t) return std::nullopt;
  return WithLists(c, std::move(*t));
}

std::vector<Team> ListTeams(Connection& c, const access::ReadScope& scope, bool include_archived) {
  std::vector<Value> params;
  std::string sql = "SELECT " + kTeams.Select() + " FROM teams WHERE " +
                    (include_archived ? "1=1" : "archived = 0") + OrgScope(scope, params) +
                    " ORDER BY region_code, id";
  auto teams = ReadRows(c, sql, params, RecordOf(kTeamFields));
  for (auto& t : teams) t = WithLists(c, std::move(t));
  return teams;
}

Status UpdateTeam(Connection& c, const Team& t, int64_t expected_version) {
  if (auto st = UpdateVersioned(c, kTeams, "team", ValuesOf(kTeamFields, t), t.id, expected_version); !st)
    return st;
  WriteLists(c, t);
  return Ok{};
}

namespace {

// At most this many references of each kind: enough to act on, short enough to read.
constexpr int kMaxReferences = 50;
// Open: not archived and not in a stage the stage table counts as completed (竣工, 投产运营).
const std::string kOpenProject = [] {
  std::string in;
  for (const auto& s : ledger::CompletedStages()) in += (in.empty() ? "'" : ", '") + s + "'";
  return " p.archived = 0 AND p.stage NOT IN (" + in + ")";
}();
constexpr const char* kOpenProblem = " pr.status NOT IN ('closed', 'deferred')";

// Appends the references `sql` finds: its rows have id, code, name, role.
void Collect(Connection& c, std::vector<Reference>& out, const char* kind, const std::string& sql,
             const std::vector<Value>& params) {
  ForEachRow(c, sql + " LIMIT " + std::to_string(kMaxReferences), params, [&](RowReader& r) {
    out.push_back({kind, r.Int("id"), r.Text("code"), r.Text("name"), r.Text("role")});
  });
}

}  // namespace

std::vector<Reference> ReferencesToRegion(Connection& c, const std::string& code) {
  std::vector<Reference> out;
  Collect(
      c, out, "project",
      std::string(
          "SELECT p.id, p.code, p.name, CASE WHEN p.town_code = ? THEN 'town_code' ELSE 'county_code' END "
          "AS role FROM projects p WHERE (p.county_code = ? OR p.town_code = ?) AND") +
          kOpenProject + " ORDER BY p.id",
      {code, code, code});
  Collect(
      c, out, "region",
      "SELECT 0 AS id, code, name, 'parent_code' AS role FROM regions WHERE parent_code = ? AND archived = 0 "
      "ORDER BY sort, code",
      {code});
  for (const auto& [kind, table] : {std::pair{"unit", "units"}, {"person", "people"}, {"team", "teams"}}) {
    Collect(c, out, kind,
            std::string("SELECT id, '' AS code, name, 'region_code' AS role FROM ") + table +
                " WHERE region_code = ? AND archived = 0 ORDER BY id",
            {code});
  }
  return out;
}

std::vector<Reference> ReferencesToUnit(Connection& c, int64_t id) {
  std::vector<Reference> out;
  Collect(
      c, out, "project",
      std::string("SELECT p.id, p.code, p.name, 'unit_id' AS role FROM projects p WHERE p.unit_id = ? AND") +
          kOpenProject + " ORDER BY p.id",
      {id});
  Collect(c, out, "problem",
          std::string("SELECT pr.id, p.code, pr.description AS name, 'unit_id' AS role FROM problems pr "
                      "JOIN projects p ON p.id = pr.project_id WHERE pr.unit_id = ? AND") +
              kOpenProblem + " ORDER BY pr.id",
          {id});
  Collect(
      c, out, "person",
      "SELECT id, '' AS code, name, 'unit_id' AS role FROM people WHERE unit_id = ? AND archived = 0 ORDER BY id",
      {id});
  return out;
}

std::vector<Reference> ReferencesToPerson(Connection& c, int64_t id) {
  std::vector<Reference> out;
  Collect(c, out, "project",
          std::string(
              "SELECT p.id, p.code, p.name, 'leader_id' AS role FROM projects p WHERE p.leader_id = ? AND") +
              kOpenProject + " ORDER BY p.id",
          {id});
  Collect(c, out, "assignment",
          std::string("SELECT p.id, p.code, p.name, 'person_id' AS role FROM project_assignments a "
                      "JOIN projects p ON p.id = a.project_id WHERE a.person_id = ? AND") +
              kOpenProject + " ORDER BY p.id",
          {id});
  Collect(
      c, out, "problem",
      std::string("SELECT pr.id, p.code, pr.description AS name, 'coordinator_id' AS role FROM problems pr "
                  "JOIN projects p ON p.id = pr.project_id WHERE pr.coordinator_id = ? AND") +
          kOpenProblem + " ORDER BY pr.id",
      {id});
  Collect(
      c, out, "team",
      "SELECT id, '' AS code, name, CASE WHEN lead_person_id = ? THEN 'lead_person_id' ELSE 'member' END AS role "
      "FROM teams WHERE archived = 0 AND (lead_person_id = ? OR id IN "
      "(SELECT team_id FROM team_members WHERE person_id = ?)) ORDER BY id",
      {id, id, id});
  return out;
}

std::vector<int64_t> MissingIds(Connection& c, const std::string& table, const std::vector<int64_t>& ids) {
  if (ids.empty()) return {};
  if (table != "projects" && table != "people") throw std::logic_error("MissingIds: unknown table " + table);
  std::vector<Value> params;
  const std::string sql = "SELECT id FROM " + table + " WHERE id IN (" + InList(ids, params) + ")" +
                          (table == "people" ? " AND archived = 0" : "");
  const auto found = ReadRows(c, sql, params, [](RowReader& r) { return r.Int("id"); });
  std::vector<int64_t> missing;
  for (int64_t id : ids) {
    if (std::find(found.begin(), found.end(), id) == found.end()) missing.push_back(id);
  }
  return missing;
}

}  // namespace gj::store
