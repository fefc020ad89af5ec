#include "store/project_store.h"

#include "common/text_normalize.h"

#include <stdexcept>

namespace gj::store {

namespace {

// Column order shared by SELECT, INSERT and UPDATE.
constexpr const char* kColumns =
    "code, national_code, name, year, county_code, town_code, category, level, kind, track, stage, "
    "total_investment, annual_plan, annual_completed, land_mu, builder, leader_id, unit_id, specialist, "
    "chain, planned_start, actual_start, planned_completion, actual_completion, content, longitude, "
    "latitude, search_text, archived, version, created_at, updated_at";

// kColumns as a list, for building SET and prefixed SELECT lists.
const std::vector<std::string>& ColumnList() {
  static const std::vector<std::string> kList = [] {
    std::vector<std::string> out;
    std::string cols = kColumns;
    size_t start = 0;
    while (start < cols.size()) {
      size_t end = cols.find(',', start);
      if (end == std::string::npos) end = cols.size();
      std::string col = cols.substr(start, end - start);
      while (!col.empty() && col.front() == ' ') col.erase(0, 1);
      out.push_back(col);
      start = end + 1;
    }
    return out;
  }();
  return kList;
}

Value DateValue(const std::optional<Date>& d) { return d ? Value(d->ToString()) : Null(); }
std::optional<Date> DateOf(const Value& v) {
  if (IsNull(v)) return std::nullopt;
  return ParseIsoDate(AsText(v));
}

std::string SearchText(const ledger::Project& p) {
  return NormalizeForSearch(p.code + "\n" + p.name + "\n" + p.builder);
}

std::vector<Value> Params(const ledger::Project& p) {
  return {p.code, Opt(p.national_code), p.name, int64_t{p.year}, p.county_code, Opt(p.town_code),
          p.category, p.level, p.kind, p.track, p.stage, Opt(p.total_investment), Opt(p.annual_plan),
          Opt(p.annual_completed), Opt(p.land_mu), p.builder, Opt(p.leader_id), Opt(p.unit_id),
          p.specialist, p.chain, DateValue(p.planned_start), DateValue(p.actual_start),
          DateValue(p.planned_completion), DateValue(p.actual_completion), p.content, Opt(p.longitude),
          Opt(p.latitude), SearchText(p), int64_t{p.archived ? 1 : 0}, p.version, p.created_at, p.updated_at};
}

// Reads a project from row `r` (moving its strings out) starting at column `at` (id first, then kColumns).
ledger::Project FromRow(std::vector<Value>& r, size_t at = 0) {
  ledger::Project p;
  size_t i = at;
  p.id = AsInt(r[i++]);
  p.code = TakeText(r[i++]);
  p.national_code = TakeOptText(r[i++]);
  p.name = TakeText(r[i++]);
  p.year = static_cast<int>(AsInt(r[i++]));
  p.county_code = TakeText(r[i++]);
  p.town_code = TakeOptText(r[i++]);
  p.category = TakeText(r[i++]);
  p.level = TakeText(r[i++]);
  p.kind = TakeText(r[i++]);
  p.track = TakeText(r[i++]);
  p.stage = TakeText(r[i++]);
  p.total_investment = AsOptInt(r[i++]);
  p.annual_plan = AsOptInt(r[i++]);
  p.annual_completed = AsOptInt(r[i++]);
  p.land_mu = AsOptDouble(r[i++]);
  p.builder = TakeText(r[i++]);
  p.leader_id = AsOptInt(r[i++]);
  p.unit_id = AsOptInt(r[i++]);
  p.specialist = TakeText(r[i++]);
  p.chain = TakeText(r[i++]);
  p.planned_start = DateOf(r[i++]);
  p.actual_start = DateOf(r[i++]);
  p.planned_completion = DateOf(r[i++]);
  p.actual_completion = DateOf(r[i++]);
  p.content = TakeText(r[i++]);
  p.longitude = AsOptDouble(r[i++]);
  p.latitude = AsOptDouble(r[i++]);
  ++i;  // search_text
  p.archived = AsInt(r[i++]) != 0;
  p.version = AsInt(r[i++]);
  p.created_at = TakeText(r[i++]);
  p.updated_at = TakeText(r[i++]);
  return p;
}

std::optional<ledger::Project> LoadWhere(Connection& c, const std::string& where, Value v) {
  auto rows = c.Query(std::string("SELECT id, ") + kColumns + " FROM projects WHERE " + where, {std::move(v)});
  if (rows.empty()) return std::nullopt;
  return FromRow(rows.rows[0]);
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
  if (f.unscoped) {
  } else if (!f.scope_counties.empty() || !f.scope_towns.empty()) {
    // Whole counties by county_code (the list index), single towns by town_code.
    auto in = [&](const std::vector<std::string>& codes) {
      std::string s;
      for (const auto& c : codes) {
        s += s.empty() ? "?" : ",?";
        params.emplace_back(c);
      }
      return s;
    };
    std::string scope;
    if (!f.scope_counties.empty()) scope = "p.county_code IN (" + in(f.scope_counties) + ")";
    if (!f.scope_towns.empty()) scope += (scope.empty() ? "" : " OR ") + std::string("p.town_code IN (") + in(f.scope_towns) + ")";
    w += " AND (" + scope + ")";
  } else {
    w += " AND 1=0";  // no readable region: nothing
  }
  auto eq = [&](const char* col, const std::optional<std::string>& v) {
    if (v && !v->empty()) {
      w += std::string(" AND p.") + col + " = ?";
      params.emplace_back(*v);
    }
  };
  if (f.region && !f.region->empty()) {
    w += " AND (p.county_code = ? OR p.town_code = ?)";
    params.emplace_back(*f.region);
    params.emplace_back(*f.region);
  }
  eq("town_code", f.town);
  eq("category", f.category);
  eq("level", f.level);
  eq("kind", f.kind);
  eq("track", f.track);
  eq("stage", f.stage);
  if (f.leader_id) {
    w += " AND p.leader_id = ?";
    params.emplace_back(*f.leader_id);
  }
  if (f.unit_id) {
    w += " AND p.unit_id = ?";
    params.emplace_back(*f.unit_id);
  }
  if (f.year) {
    w += " AND p.year = ?";
    params.emplace_back(int64_t{*f.year});
  }
  if (f.q && !f.q->empty()) {
    w += " AND p.search_text LIKE ? ESCAPE '\\'";
    params.emplace_back("%" + EscapeLike(NormalizeForSearch(*f.q)) + "%");
  }
  return w;
}

}  // namespace

std::optional<ledger::Project> LoadProject(Connection& c, int64_t id) { return LoadWhere(c, "id = ?", id); }

std::optional<ledger::Project> LoadProjectByCode(Connection& c, const std::string& code) {
  return LoadWhere(c, "code = ?", code);
}

void BumpProjectsVersion(Connection& c) { c.Exec("UPDATE counters SET value = value + 1 WHERE name = 'projects'"); }

int64_t ProjectsVersion(Connection& c) {
  auto rows = c.Query("SELECT value FROM counters WHERE name = 'projects'");
  return rows.empty() ? 0 : AsInt(rows.rows[0][0]);
}

std::string FilterKey(const ProjectFilter& f) {
  std::vector<Value> params;
  std::string key = Where(f, params);
  for (const auto& v : params) key += "\x1f" + AsText(v);
  return key;
}

void Analyze(Connection& c) {
  if (c.dialect() == Dialect::kSqlite) c.ExecScript("ANALYZE");
}

std::unordered_map<std::string, int64_t> ProjectIdsByCode(Connection& c) {
  std::unordered_map<std::string, int64_t> out;
  for (const auto& r : c.Query("SELECT code, id FROM projects").rows) out.emplace(AsText(r[0]), AsInt(r[1]));
  return out;
}

int64_t InsertProject(Connection& c, const ledger::Project& p, bool bump_version) {
  if (bump_version) BumpProjectsVersion(c);
  auto rows = c.Query(std::string("INSERT INTO projects (") + kColumns +
                          ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
                      Params(p));
  return AsInt(rows.rows.at(0).at(0));
}

bool UpdateProject(Connection& c, const ledger::Project& p, int64_t expected_version) {
  std::string set;
  for (const auto& col : ColumnList()) set += (set.empty() ? "" : ", ") + col + " = ?";
  auto params = Params(p);
  params.emplace_back(p.id);
  params.emplace_back(expected_version);
  BumpProjectsVersion(c);
  return c.Exec("UPDATE projects SET " + set + " WHERE id = ? AND version = ?", params) == 1;
}

std::optional<ProjectRow> LoadProjectRow(Connection& c, int64_t id) {
  ProjectFilter f;
  f.id = id;
  f.unscoped = true;
  f.include_archived = true;
  auto rows = ListProjects(c, f);
  if (rows.empty()) return std::nullopt;
  return std::move(rows[0]);
}

std::vector<Aggregate> AggregateProjects(Connection& c, const ProjectFilter& f, const std::string& group_column) {
  bool ok = false;
  for (const char* col : {"stage", "category", "town_code", "county_code", "level", "kind", "track"}) ok = ok || group_column == col;
  if (!ok) throw std::invalid_argument("not a grouping column: " + group_column);
  std::vector<Value> params;
  const std::string sql = "SELECT COALESCE(p." + group_column +
                          ", ''), COUNT(*), COALESCE(SUM(p.total_investment), 0), COALESCE(SUM(p.annual_plan), 0), "
                          "COALESCE(SUM(p.annual_completed), 0) FROM projects p WHERE " +
                          Where(f, params) + " GROUP BY p." + group_column + " ORDER BY p." + group_column;
  std::vector<Aggregate> out;
  for (const auto& r : c.Query(sql, params).rows) {
    out.push_back({AsText(r[0]), AsInt(r[1]), AsInt(r[2]), AsInt(r[3]), AsInt(r[4])});
  }
  return out;
}

bool IsSortableColumn(const std::string& column) {
  for (const char* ok : {"code", "name", "total_investment", "annual_plan", "annual_completed", "planned_start",
                         "actual_start", "updated_at", "stage", "category", "id"}) {
    if (column == ok) return true;
  }
  return false;
}

namespace {

std::string OrderBy(const ProjectFilter& f) {
  const std::string sort = IsSortableColumn(f.sort) ? f.sort : "code";
  return " ORDER BY p." + sort + (f.descending ? " DESC" : " ASC") + ", p.id ASC";
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

std::string ListSql(const ProjectFilter& f, std::vector<Value>& params) {
  std::string sql = "SELECT p.id, ";
  std::string prefixed;
  for (const auto& col : ColumnList()) prefixed += (prefixed.empty() ? "p." : ", p.") + col;
  sql += prefixed + ", rc.name, rt.name, pe.name, u.name FROM projects p" + kNameJoins + " WHERE " + Where(f, params);
  sql += OrderBy(f);
  sql += LimitClause(f, params);
  return sql;
}

ProjectRow RowOf(std::vector<Value>& r) {
  const size_t n = ColumnList().size() + 1;  // id, then kColumns, then the joined names
  return {FromRow(r), TakeText(r[n]), TakeText(r[n + 1]), TakeText(r[n + 2]), TakeText(r[n + 3])};
}

}  // namespace

std::string RegionClause(const std::vector<std::string>& regions, std::vector<Value>& params, const char* alias) {
  if (regions.empty()) return "";
  const std::string a = alias;
  std::string s = " AND (" + a + ".county_code IN (" + InList(regions, params) + ")";
  s += " OR " + a + ".town_code IN (" + InList(regions, params) + "))";
  return s;
}

std::string ProjectIdClause(const std::vector<int64_t>& ids, std::vector<Value>& params, const char* alias) {
  if (ids.empty()) return "";
  return std::string(" AND ") + alias + ".project_id IN (" + InList(ids, params) + ")";
}

std::vector<ProjectRow> ListProjects(Connection& c, const ProjectFilter& f) {
  std::vector<Value> params;
  const std::string sql = ListSql(f, params);
  std::vector<ProjectRow> out;
  c.QueryEach(sql, params, [&](std::vector<Value>& r) { out.push_back(RowOf(r)); });
  return out;
}

void ForEachProject(Connection& c, const ProjectFilter& f, const std::function<void(const ProjectRow&)>& fn) {
  std::vector<Value> params;
  const std::string sql = ListSql(f, params);
  c.QueryEach(sql, params, [&](std::vector<Value>& r) { fn(RowOf(r)); });
}

std::vector<int64_t> ListProjectIds(Connection& c, const ProjectFilter& f) {
  std::vector<Value> params;
  const std::string sql = "SELECT p.id FROM projects p WHERE " + Where(f, params) + OrderBy(f);
  std::vector<int64_t> out;
  c.QueryEach(sql, params, [&](std::vector<Value>& r) { out.push_back(AsInt(r[0])); });
  return out;
}

std::vector<ProjectRef> LoadProjectRefs(Connection& c, const std::vector<int64_t>& ids) {
  std::vector<ProjectRef> out;
  if (ids.empty()) return out;
  std::vector<Value> params;
  const std::string sql = std::string("SELECT p.id, p.version, rc.name, rt.name, pe.name, u.name FROM projects p") +
                          kNameJoins + " WHERE p.id IN (" + InList(ids, params) + ")";
  c.QueryEach(sql, params, [&](std::vector<Value>& r) {
    out.push_back({AsInt(r[0]), AsInt(r[1]), TakeText(r[2]), TakeText(r[3]), TakeText(r[4]), TakeText(r[5])});
  });
  return out;
}

std::vector<ledger::Project> LoadProjects(Connection& c, const std::vector<int64_t>& ids) {
  std::vector<ledger::Project> out;
  if (ids.empty()) return out;
  std::vector<Value> params;
  const std::string sql = std::string("SELECT id, ") + kColumns + " FROM projects WHERE id IN (" + InList(ids, params) + ")";
  c.QueryEach(sql, params, [&](std::vector<Value>& r) { out.push_back(FromRow(r)); });
  return out;
}

std::vector<access::Region> LoadRegions(Connection& c) {
  auto rows = c.Query("SELECT code, name, level, COALESCE(parent_code, '') FROM regions ORDER BY sort, code");
  std::vector<access::Region> out;
  for (const auto& r : rows.rows) out.push_back({AsText(r[0]), AsText(r[1]), AsText(r[2]), AsText(r[3])});
  return out;
}

ledger::Dictionaries LoadDictionaries(Connection& c) {
  auto rows = c.Query("SELECT kind, code, label_zh, label_en, sort, active FROM dictionaries ORDER BY kind, sort, code");
  if (rows.empty()) return ledger::DefaultDictionaries();
  ledger::Dictionaries d;
  for (const auto& r : rows.rows) {
    d[AsText(r[0])].push_back({AsText(r[1]), AsText(r[2]), AsText(r[3]), static_cast<int>(AsInt(r[4])), AsInt(r[5]) != 0});
  }
  return d;
}

void ReplaceDictionary(Connection& c, const std::string& kind, const std::vector<ledger::DictEntry>& items) {
  c.Exec("DELETE FROM dictionaries WHERE kind = ?", {kind});
  for (const auto& e : items) {
    c.Exec("INSERT INTO dictionaries (kind, code, label_zh, label_en, sort, active) VALUES (?,?,?,?,?,?)",
           {kind, e.code, e.label_zh, e.label_en, int64_t{e.sort}, int64_t{e.active ? 1 : 0}});
  }
}

}  // namespace gj::store
