#include "store/project_store.h"

#include "common/money.h"
#include "common/text_normalize.h"
#include "store/chain_store.h"
#include "store/fields.h"
#include "store/project_year_store.h"

#include <stdexcept>

namespace gj::store {

namespace {

std::string SearchText(const ledger::Project& p) {
  return NormalizeForSearch(p.code + "\n" + p.name + "\n" + p.builder);
}

using P = ledger::Project;
// Every column of a project. Insert and update write all but id (and an update moves the version
// itself); the journal's diff of a project is ledger::Diff, over the API's JSON form.
const Fields<P> kProjectFields =
    GJ_COLUMNS(P, id, code, national_code, name, year, county_code, town_code, category, level, track, stage,
               total_investment, land_mu, builder, builder_code, leader_id, unit_id, specialist, chain,
               planned_start, actual_start, planned_completion, actual_completion, content, longitude,
               latitude)
        // Written for the filter's LIKE, never read back.
        .And({"search_text", [](const P& p) -> Value { return SearchText(p); }})
        .And(GJ_COLUMNS(P, archived, version, created_at, updated_at))
        .ReadOnly({"id"})
        // projects.year: the year the project first entered a list (the shown year is its year row's).
        .OnInsert({"version", "year"});
const Table kProjects = TableOf("projects", kProjectFields);

// The year row a read joins (alias y): what belongs to the year, under names of their own.
constexpr const char* kYearColumns =
    "y.year AS y_year, y.kind AS y_kind, y.annual_plan AS y_annual_plan, y.annual_completed AS y_annual_completed, "
    "y.version AS y_version";

const Fields<ledger::DictEntry> kDictionaryFields =
    GJ_COLUMNS(ledger::DictEntry, code, label_zh, label_en, sort, active);
const Table kDictionaries = TableOf("dictionaries", kDictionaryFields).With({"kind"});

const Fields<access::Region> kRegionFields =
    GJ_COLUMNS(access::Region, code, name, level, parent_code).OrNull({"parent_code"});

// A project from the projects columns of a row and its year row's (kYearColumns), when joined.
ledger::Project FromRow(RowReader& r) {
  ledger::Project p = RecordOf(kProjectFields)(r);
  if (auto year = r.OptInt("y_year")) {
    p.year = static_cast<int>(*year);
    p.kind = r.Text("y_kind");
    p.annual_plan = r.OptInt("y_annual_plan");
    p.annual_completed = r.OptInt("y_annual_completed");
  }
  return p;
}

// The join of a project's year row: that year's (inner: only projects on that year's list), or
// without a year the project's latest (left: a project on no list still reads).
std::string YearJoin(const std::optional<int>& year, std::vector<Value>& params) {
  if (year) {
    params.emplace_back(int64_t{*year});
    return " JOIN project_years y ON y.project_id = p.id AND y.year = ?";
  }
  return " LEFT JOIN project_years y ON y.project_id = p.id AND y.year = "
         "(SELECT MAX(y2.year) FROM project_years y2 WHERE y2.project_id = p.id)";
}

// The names a project references (ProjectRow, ProjectRef), by the aliases of kNames.
template <class R>
R& ReadNames(RowReader& r, R& out) {
  out.county_name = r.Text("county_name");
  out.town_name = r.Text("town_name");
  out.leader_name = r.Text("leader_name");
  out.unit_name = r.Text("unit_name");
  return out;
}

std::optional<ledger::Project> LoadWhere(Connection& c, const access::ReadScope& scope,
                                         const std::string& where, Value v, const std::optional<int>& year) {
  std::vector<Value> params;
  const std::string join = YearJoin(year, params);
  params.push_back(std::move(v));
  const std::string in_scope = ScopeClause(scope, params, "p");
  return ReadOne(c,
                 "SELECT " + kProjects.Select("p") + ", " + kYearColumns + " FROM projects p" + join +
                     " WHERE p." + where + in_scope,
                 params, FromRow);
}

std::string EscapeLike(const std::string& s) {
  std::string out;
  for (char ch : s) {
    if (ch == '%' || ch == '_' || ch == '\\') out += '\\';
    out += ch;
  }
  return out;
}

// WHERE clause and its parameters for a filter.
std::string Where(const ProjectFilter& f, std::vector<Value>& params) {
  std::string w = "1=1";
  if (!f.include_archived) w += " AND p.archived = 0";
  if (f.id) {
    w += " AND p.id = ?";
    params.emplace_back(*f.id);
  }
  w += ScopeClause(f.scope, params,
                   "p");  // whole counties by county_code (the list index), single towns by town_code
  auto eq = [&](const char* col, const std::optional<std::string>& v) {
    if (v && !v->empty()) {
      w += std::string(col == std::string_view("kind") ? " AND y." : " AND p.") + col + " = ?";
      params.emplace_back(*v);
    }
  };
  if (f.region && !f.region->empty()) {
    w += " AND (p.county_code = ? OR p.town_code = ?)";
    params.emplace_back(*f.region);
    params.emplace_back(*f.region);
  }
  // The filters that ask for one value of a column.
  const std::pair<const char*, const std::optional<std::string>*> equals[] = {
      {"town_code", &f.town}, {"category", &f.category}, {"level", &f.level},
      {"kind", &f.kind},      {"track", &f.track},       {"stage", &f.stage}};
  for (const auto& [column, value] : equals) eq(column, *value);
  if (f.leader_id) {
    w += " AND p.leader_id = ?";
    params.emplace_back(*f.leader_id);
  }
  if (f.unit_id) {
    w += " AND p.unit_id = ?";
    params.emplace_back(*f.unit_id);
  }
  // f.year: the year row's join (YearJoin), not a condition here.
  if (f.q && !f.q->empty()) {
    w += " AND p.search_text LIKE ? ESCAPE '\\'";
    params.emplace_back("%" + EscapeLike(NormalizeForSearch(*f.q)) + "%");
  }
  return w;
}

}  // namespace

std::optional<ledger::Project> LoadProject(Connection& c, const access::ReadScope& scope, int64_t id,
                                           std::optional<int> year) {
  return LoadWhere(c, scope, "id = ?", id, year);
}

std::optional<ledger::Project> LoadProjectByCode(Connection& c, const access::ReadScope& scope,
                                                 const std::string& code, std::optional<int> year) {
  return LoadWhere(c, scope, "code = ?", code, year);
}

void BumpProjectsVersion(Connection& c) {
  c.Exec("UPDATE counters SET value = value + 1 WHERE name = 'projects'");
}

int64_t ProjectsVersion(Connection& c) {
  return ReadOne(c, "SELECT value FROM counters WHERE name = 'projects'", {},
                 [](RowReader& r) { return r.Int("value"); })
      .value_or(0);
}

std::string FilterKey(const ProjectFilter& f) {
  std::vector<Value> params;
  std::string key = YearJoin(f.year, params);
  key += Where(f, params);
  for (const auto& v : params) key += "\x1f" + AsText(v);
  return key;
}

void Analyze(Connection& c) {
  if (c.dialect() == Dialect::kSqlite) c.ExecScript("ANALYZE");
}

std::unordered_map<std::string, int64_t> ProjectIdsByCode(Connection& c, const access::ReadScope& scope) {
  std::unordered_map<std::string, int64_t> out;
  std::vector<Value> params;
  const std::string sql = "SELECT p.code, p.id FROM projects p WHERE 1=1" + ScopeClause(scope, params, "p");
  ForEachRow(c, sql, params, [&](RowReader& r) { out.emplace(r.Text("code"), r.Int("id")); });
  return out;
}

int64_t InsertProject(Connection& c, const ledger::Project& p, bool bump_version) {
  if (bump_version) BumpProjectsVersion(c);
  const int64_t id = InsertReturningId(c, kProjects, InsertValuesOf(kProjectFields, p));
  InsertProjectYear(c, YearOf(p, id));
  if (!p.chain.empty()) LinkProjectChain(c, id);  // 链长制: the chain of that name in its county
  return id;
}

Status UpdateProject(Connection& c, const ledger::Project& p, int64_t expected_version) {
  BumpProjectsVersion(c);
  auto st = UpdateVersioned(c, kProjects, "project", ValuesOf(kProjectFields, p), p.id, expected_version);
  if (!st) return st;
  LinkProjectChain(c, p.id);  // 链长制: the chain text names a chain of the county, or none
  // The year row the project was read with (or, when the year changed, that year's, which joins it).
  const auto before = LoadProjectYear(c, access::ReadScope::All(), p.id, p.year);  // the write checked access
  const auto after = YearOf(p, p.id);
  if (!before) {
    InsertProjectYear(c, after);
  } else if (before->kind != after.kind || before->annual_plan != after.annual_plan ||
             before->annual_completed != after.annual_completed) {
    WriteProjectYear(c, after);
  }
  return Ok{};
}

ledger::ProjectYear YearOf(const ledger::Project& p, int64_t id) {
  ledger::ProjectYear y;
  y.project_id = id;
  y.year = p.year;
  y.kind = p.kind;
  y.annual_plan = p.annual_plan;
  y.annual_completed = p.annual_completed;
  y.created_at = p.updated_at.empty() ? p.created_at : p.updated_at;
  y.updated_at = y.created_at;
  return y;
}

std::optional<ProjectRow> LoadProjectRow(Connection& c, const access::ReadScope& scope, int64_t id,
                                         std::optional<int> year) {
  ProjectFilter f;
  f.year = year;
  f.id = id;
  f.scope = scope;
  f.include_archived = true;
  auto rows = ListProjects(c, f);
  if (rows.empty()) return std::nullopt;
  return std::move(rows[0]);
}

std::vector<Aggregate> AggregateProjects(Connection& c, const ProjectFilter& f,
                                         const std::string& group_column) {
  bool ok = false;
  for (const char* col : {"stage", "category", "town_code", "county_code", "level", "kind", "track"})
    ok = ok || group_column == col;
  if (!ok) throw std::invalid_argument("not a grouping column: " + group_column);
  std::vector<Value> params;
  // kind is the year row's.
  const std::string column = (group_column == "kind" ? "y." : "p.") + group_column;
  // Each amount counted within ±kMaxAmountYuan (common/money.h): no input lets a larger one in,
  // and one written past the product must not turn the sum into SQLite's "integer overflow" (a
  // 500). Bounded amounts of up to 900,000 projects cannot overflow.
  const std::string bound = std::to_string(kMaxAmountYuan);
  auto sum = [&](const std::string& col) {
    // CASE, not SQLite's two-argument MIN/MAX: PostgreSQL has those only as LEAST/GREATEST.
    return "COALESCE(SUM(CASE WHEN " + col + " > " + bound + " THEN " + bound + " WHEN " + col + " < -" +
           bound + " THEN -" + bound + " ELSE " + col + " END), 0)";
  };
  std::string sql = "SELECT COALESCE(" + column + ", '') AS group_key, COUNT(*) AS n, " +
                    sum("p.total_investment") + " AS total_investment, " + sum("y.annual_plan") +
                    " AS annual_plan, " + sum("y.annual_completed") + " AS annual_completed FROM projects p";
  sql += YearJoin(f.year, params);  // its parameters before the WHERE's
  sql += " WHERE " + Where(f, params);
  sql += " GROUP BY " + column + " ORDER BY " + column;
  return ReadRows(c, sql, params, [](RowReader& r) {
    return Aggregate{r.Text("group_key"), r.Int("n"), r.Int("total_investment"), r.Int("annual_plan"),
                     r.Int("annual_completed")};
  });
}

bool IsSortableColumn(const std::string& column) {
  for (const char* ok : {"code", "name", "total_investment", "annual_plan", "annual_completed",
                         "planned_start", "actual_start", "updated_at", "stage", "category", "id"}) {
    if (column == ok) return true;
  }
  return false;
}

namespace {

std::string OrderBy(const ProjectFilter& f) {
  const std::string sort = IsSortableColumn(f.sort) ? f.sort : "code";
  const char* table = sort == "annual_plan" || sort == "annual_completed" ? "y." : "p.";
  return std::string(" ORDER BY ") + table + sort + (f.descending ? " DESC" : " ASC") + ", p.id ASC";
}

std::string LimitClause(const ProjectFilter& f, std::vector<Value>& params) {
  if (f.limit <= 0) return "";
  params.emplace_back(f.limit);
  params.emplace_back(f.offset);
  return " LIMIT ? OFFSET ?";
}

constexpr const char* kNameJoins =
    " LEFT JOIN regions rc ON rc.code = p.county_code"
    " LEFT JOIN regions rt ON rt.code = p.town_code"
    " LEFT JOIN people pe ON pe.id = p.leader_id"
    " LEFT JOIN units u ON u.id = p.unit_id";

// The names a project references, by the aliases RowOf and LoadProjectRefs read.
constexpr const char* kNames =
    "rc.name AS county_name, rt.name AS town_name, pe.name AS leader_name, u.name AS unit_name";

std::string ListSql(const ProjectFilter& f, std::vector<Value>& params) {
  std::string sql =
      "SELECT " + kProjects.Select("p") + ", " + kYearColumns + ", " + kNames + " FROM projects p";
  sql += YearJoin(f.year, params);  // its parameters before the WHERE's
  sql += kNameJoins;
  sql += " WHERE " + Where(f, params);
  sql += OrderBy(f);
  sql += LimitClause(f, params);
  return sql;
}

ProjectRow RowOf(RowReader& r) {
  ProjectRow row{FromRow(r), {}, {}, {}, {}};
  return ReadNames(r, row);
}

}  // namespace

std::string ScopeClause(const access::ReadScope& scope, std::vector<Value>& params, const char* alias) {
  if (scope.all()) return "";
  if (scope.counties().empty() && scope.towns().empty()) return " AND 1=0";
  const std::string a = alias;
  std::string s;
  if (!scope.counties().empty()) s = a + ".county_code IN (" + InList(scope.counties(), params) + ")";
  if (!scope.towns().empty())
    s += (s.empty() ? "" : " OR ") + a + ".town_code IN (" + InList(scope.towns(), params) + ")";
  return " AND (" + s + ")";
}

std::string ProjectIdClause(const std::vector<int64_t>& ids, std::vector<Value>& params, const char* alias) {
  if (ids.empty()) return "";
  return std::string(" AND ") + alias + ".project_id IN (" + InList(ids, params) + ")";
}

std::string ProjectOfRowInScope(const access::ReadScope& scope, std::vector<Value>& params,
                                const char* column) {
  if (scope.all()) return "";
  if (scope.Empty()) return " AND 1=0";
  return std::string(" AND ") + column + " IN (SELECT sp.id FROM projects sp WHERE 1=1" +
         ScopeClause(scope, params, "sp") + ")";
}

std::string ParentInScope(const access::ReadScope& scope, std::vector<Value>& params, const char* column,
                          const char* parent_table) {
  if (scope.all()) return "";
  if (scope.Empty()) return " AND 1=0";
  return std::string(" AND ") + column + " IN (SELECT pt.id FROM " + parent_table + " pt WHERE 1=1" +
         ProjectOfRowInScope(scope, params, "pt.project_id") + ")";
}

std::vector<ProjectRow> ListProjects(Connection& c, const ProjectFilter& f) {
  std::vector<Value> params;
  const std::string sql = ListSql(f, params);
  return ReadRows(c, sql, params, RowOf);
}

void ForEachProject(Connection& c, const ProjectFilter& f, const std::function<void(const ProjectRow&)>& fn) {
  std::vector<Value> params;
  const std::string sql = ListSql(f, params);
  ForEachRow(c, sql, params, [&](RowReader& r) { fn(RowOf(r)); });
}

std::vector<int64_t> ListProjectIds(Connection& c, const ProjectFilter& f) {
  std::vector<Value> params;
  std::string sql = "SELECT p.id FROM projects p" + YearJoin(f.year, params);
  sql += " WHERE " + Where(f, params);
  sql += OrderBy(f);
  return ReadRows(c, sql, params, [](RowReader& r) { return r.Int("id"); });
}

std::vector<ProjectRef> LoadProjectRefs(Connection& c, const access::ReadScope& scope,
                                        const std::vector<int64_t>& ids, std::optional<int> year) {
  std::vector<ProjectRef> out;
  if (ids.empty()) return out;
  std::vector<Value> params;
  std::string sql = std::string("SELECT p.id, p.version, y.year AS y_year, y.version AS y_version, ") +
                    kNames + " FROM projects p" + YearJoin(year, params);
  sql += kNameJoins;
  sql += " WHERE p.id IN (" + InList(ids, params) + ")";
  sql += ScopeClause(scope, params, "p");  // its parameters after the list's
  return ReadRows(c, sql, params, [](RowReader& r) {
    ProjectRef ref{r.Int("id"), r.Int("version"), 0, 0, {}, {}, {}, {}};
    ref.year = static_cast<int>(r.OptInt("y_year").value_or(0));
    ref.year_version = r.OptInt("y_version").value_or(0);
    return ReadNames(r, ref);
  });
}

std::vector<ledger::Project> LoadProjects(Connection& c, const access::ReadScope& scope,
                                          const std::vector<int64_t>& ids, std::optional<int> year) {
  std::vector<ledger::Project> out;
  if (ids.empty()) return out;
  std::vector<Value> params;
  std::string sql = "SELECT " + kProjects.Select("p") + ", " + kYearColumns + " FROM projects p";
  sql += YearJoin(year, params);
  sql += " WHERE p.id IN (" + InList(ids, params) + ")";
  sql += ScopeClause(scope, params, "p");  // its parameters after the list's
  return ReadRows(c, sql, params, FromRow);
}

std::vector<access::Region> LoadRegions(Connection& c) {
  // Archived regions (organisation admin) leave the tree: no list, picker or new record names them.
  return ReadRows(c,
                  "SELECT code, name, level, parent_code FROM regions WHERE archived = 0 ORDER BY sort, code",
                  {}, RecordOf(kRegionFields));
}

std::vector<access::Region> ChildRegions(Connection& c, const std::string& parent) {
  return ReadRows(c, "SELECT code, name, level, parent_code FROM regions WHERE parent_code = ? ORDER BY code",
                  {parent}, RecordOf(kRegionFields));
}

std::vector<int64_t> ProjectIdsOfCounty(Connection& c, const access::ReadScope& scope,
                                        const std::string& county) {
  std::vector<Value> params{county};
  const std::string in_scope = ScopeClause(scope, params, "p");
  return ReadRows(c, "SELECT p.id FROM projects p WHERE p.county_code = ?" + in_scope + " ORDER BY p.id",
                  params, [](RowReader& r) { return r.Int("id"); });
}

std::vector<int64_t> LargestProjectIds(Connection& c, const access::ReadScope& scope,
                                       const std::string& county, int year, int limit) {
  std::vector<Value> params{county, int64_t{year}};
  const std::string in_scope = ScopeClause(scope, params, "p");
  params.emplace_back(int64_t{limit});
  return ReadRows(c,
                  "SELECT p.id FROM projects p JOIN project_years y ON y.project_id = p.id "
                  "WHERE p.county_code = ? AND p.archived = 0 AND y.year = ?" +
                      in_scope + " ORDER BY p.total_investment DESC, p.id LIMIT ?",
                  params, [](RowReader& r) { return r.Int("id"); });
}

ledger::Dictionaries LoadDictionaries(Connection& c) {
  ledger::Dictionaries d;
  ForEachRow(
      c, "SELECT kind, code, label_zh, label_en, sort, active FROM dictionaries ORDER BY kind, sort, code",
      {}, [&](RowReader& r) {
        auto& entries = d[r.Text("kind")];
        entries.push_back(RecordOf(kDictionaryFields)(r));
      });
  return d.empty() ? ledger::DefaultDictionaries() : d;
}

void ReplaceDictionary(Connection& c, const std::string& kind, const std::vector<ledger::DictEntry>& items) {
  c.Exec("DELETE FROM dictionaries WHERE kind = ?", {kind});
  for (const auto& e : items) {
    ColumnValues values = InsertValuesOf(kDictionaryFields, e);
    values.emplace_back("kind", kind);
    InsertRow(c, kDictionaries, values);
  }
}

}  // namespace gj::store
