#include "store/enterprise_store.h"

#include <cctype>

#include "store/fields.h"
#include "store/land_efficiency_store.h"
#include "store/project_store.h"
#include "store/row.h"
#include "store/table.h"

namespace gj::store {

namespace {

using E = EnterpriseRecord;
// An enterprise of the registry. The credit code and county are set once (a move between counties
// is a new registration); land efficiency's import writes name, town, industry and scale too.
const Fields<E> kEnterpriseFields =
    GJ_COLUMNS(E, id, credit_code, county_code, name, town, industry_code, above_scale, tags, chain_id,
               address, contact, phone, version, updated_at)
        .ReadOnly({"id", "version"})
        .OnInsert({"credit_code", "county_code"})
        .NotJournaled({"updated_at"})
        .JournaledAsBool({"above_scale"});
const Table kEnterprises = TableOf("enterprises", kEnterpriseFields);

using Y = EnterpriseYearRow;
const Fields<Y> kYearFields = GJ_COLUMNS(Y, id, enterprise_id, year, revenue, tax, version)
                                  .ReadOnly({"id", "version"})
                                  .OnInsert({"enterprise_id", "year"});
const Table kYears = TableOf("enterprise_years", kYearFields).With({"updated_at"});

std::string LikeEscaped(const std::string& s) {
  std::string out;
  for (char ch : s) {
    if (ch == '%' || ch == '_' || ch == '\\') out += '\\';
    out += ch;
  }
  return out;
}

std::string Upper(std::string s) {
  for (auto& ch : s) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return s;
}

}  // namespace

const Fields<EnterpriseRecord>& EnterpriseJournalFields() { return kEnterpriseFields; }

EnterprisePage ListEnterprises(Connection& c, const EnterpriseFilter& f) {
  std::vector<Value> params;
  std::string where = " WHERE 1=1" + EnterpriseScopeClause(f.scope, params, "e");
  if (!f.q.empty()) {
    where += " AND (e.name LIKE ? ESCAPE '\\' OR e.credit_code LIKE ? ESCAPE '\\')";
    params.emplace_back("%" + LikeEscaped(f.q) + "%");
    params.emplace_back("%" + LikeEscaped(Upper(f.q)) + "%");
  }
  if (!f.tag.empty()) {
    // Tags are stored joined by ',' (JoinTags): one of them, wherever it stands.
    where += " AND (',' || e.tags || ',') LIKE ? ESCAPE '\\'";
    params.emplace_back("%," + LikeEscaped(f.tag) + ",%");
  }
  if (f.chain_id) {
    where += " AND e.chain_id = ?";
    params.emplace_back(*f.chain_id);
  }
  EnterprisePage out;
  out.total_count = ReadOne(c, "SELECT COUNT(*) AS n FROM enterprises e" + where, params, [](RowReader& r) {
                      return r.Int("n");
                    }).value_or(0);
  std::string sql = "SELECT " + kEnterprises.Select("e") + " FROM enterprises e" + where +
                    " ORDER BY e.county_code, e.name, e.id";
  if (f.limit > 0) {
    sql += " LIMIT ? OFFSET ?";
    params.emplace_back(f.limit);
    params.emplace_back(f.offset);
  }
  out.items = ReadRows(c, sql, params, RecordOf(kEnterpriseFields));
  return out;
}

std::optional<EnterpriseRecord> GetEnterprise(Connection& c, const access::ReadScope& scope,
                                              const std::string& credit_code) {
  std::vector<Value> params{credit_code};
  return ReadOne(c,
                 "SELECT " + kEnterprises.Select("e") + " FROM enterprises e WHERE e.credit_code = ?" +
                     EnterpriseScopeClause(scope, params, "e"),
                 params, RecordOf(kEnterpriseFields));
}

bool EnterpriseExists(Connection& c, const std::string& credit_code) {
  return ReadOne(c, "SELECT id FROM enterprises WHERE credit_code = ?", {credit_code},
                 [](RowReader& r) { return r.Int("id"); })
      .has_value();
}

int64_t InsertEnterprise(Connection& c, const EnterpriseRecord& e) {
  return InsertReturningId(c, kEnterprises, InsertValuesOf(kEnterpriseFields, e));
}

Status UpdateEnterprise(Connection& c, const EnterpriseRecord& e, int64_t expected_version) {
  return UpdateVersioned(c, kEnterprises, "enterprise", ValuesOf(kEnterpriseFields, e), e.id,
                         expected_version);
}

std::vector<EnterpriseYearRow> ListEnterpriseYears(Connection& c, int64_t enterprise_id) {
  return ReadRows(
      c, "SELECT " + kYears.Select() + " FROM enterprise_years WHERE enterprise_id = ? ORDER BY year DESC",
      {enterprise_id}, RecordOf(kYearFields));
}

std::optional<EnterpriseYearRow> GetEnterpriseYear(Connection& c, int64_t enterprise_id, int year) {
  return ReadOne(c,
                 "SELECT " + kYears.Select() + " FROM enterprise_years WHERE enterprise_id = ? AND year = ?",
                 {enterprise_id, int64_t{year}}, RecordOf(kYearFields));
}

int64_t InsertEnterpriseYear(Connection& c, const EnterpriseYearRow& y, const std::string& now) {
  ColumnValues values = InsertValuesOf(kYearFields, y);
  values.emplace_back("updated_at", now);
  return InsertReturningId(c, kYears, values);
}

Status UpdateEnterpriseYear(Connection& c, const EnterpriseYearRow& y, int64_t expected_version,
                            const std::string& now) {
  ColumnValues values = ValuesOf(kYearFields, y);
  values.emplace_back("updated_at", now);
  return UpdateVersioned(c, kYears, "enterprise year", values, y.id, expected_version);
}

std::vector<BuilderProject> ListBuilderProjects(Connection& c, const access::ReadScope& project_scope,
                                                const std::string& credit_code) {
  std::vector<Value> params{credit_code};
  const std::string sql =
      "SELECT p.id AS id, p.code AS code, p.name AS name, p.stage AS stage, p.county_code AS county_code, "
      "p.total_investment AS total_investment FROM projects p WHERE p.builder_code = ? AND p.archived = 0" +
      ScopeClause(project_scope, params, "p") + " ORDER BY p.code";
  return ReadRows(c, sql, params, [](RowReader& r) {
    return BuilderProject{r.Int("id"),     r.Text("code"),        r.Text("name"),
                          r.Text("stage"), r.Text("county_code"), r.OptInt("total_investment")};
  });
}

}  // namespace gj::store
