#include "store/land_efficiency_store.h"

#include "store/journal.h"

namespace gj::store {

namespace {

// ---- the tables: one field list each, and the columns written beside the record

using E = land::Enterprise;
// An enterprise as the registry (enterprises) stores it (a re-import rewrites all but its credit code).
const Fields<E> kEnterpriseFields =
    GJ_COLUMNS(E, credit_code, name, town, industry_code, above_scale).OnInsert({"credit_code"});
// An enterprise's figures of a year, as le_data stores them.
const Fields<E> kFigures =
    GJ_COLUMNS(E, land_mu, tax, revenue, value_added, energy_tce, emission_eq, rd_spend, employees,
               electricity_kwh, bonus, penalty, veto, undetermined)
        .And(Col<&E::county>("county_text"));
// A data row's own columns, and the one its enterprise gives it (from the join).
const Fields<LandDataRow> kDataFields =
    GJ_COLUMNS(LandDataRow, id, enterprise_id, year, state, return_reason, version)
        .ReadOnly({"id", "enterprise_id", "year", "version"});
const Fields<LandDataRow> kDataJoinedFields = GJ_COLUMNS(LandDataRow, county_code);
const Fields<SchemeRow> kSchemeFields = GJ_COLUMNS(SchemeRow, id, version, doc, created_at).ReadOnly({"id"});
// A run's documents are read only by GetRun(with_docs); lists select them as ''.
const Fields<RunRow> kRunFields =
    GJ_COLUMNS(RunRow, id, county_code, year, run_no, scheme_id, state, published_on, finalized_on, version,
               created_at, scheme_doc, input_doc)
        .ReadOnly({"id", "version"})
        .OnInsert({"county_code", "year", "run_no", "scheme_id", "created_at", "scheme_doc", "input_doc"})
        .OnUpdate({"published_on", "finalized_on"})
        .OrNull({"published_on", "finalized_on"});
const Fields<AdjustmentRow> kAdjustmentFields =
    GJ_COLUMNS(AdjustmentRow, id, credit_code, old_class, new_class, reason, source, user_id, at)
        .ReadOnly({"id"});
// An appeal is filed with its grounds; the decision fields keep their defaults until decided.
const Fields<AppealRow> kAppealFields = GJ_COLUMNS(AppealRow, id, run_id, credit_code, reason, filed_on,
                                                   state, decision, new_class, decided_on, version)
                                            .ReadOnly({"id", "version"})
                                            .OnInsert({"run_id", "credit_code", "reason", "filed_on"})
                                            .OnUpdate({"state", "decision", "new_class", "decided_on"})
                                            .OrNull({"decided_on"});
const Fields<PolicyRow> kPolicyFields =
    FieldsOf({Col<&PolicyRow::klass>("class")})
        .And(GJ_COLUMNS(PolicyRow, land_mu, energy_tce, emission_t, note, version))
        .OnInsert({"class"})
        .ReadOnly({"version"});
const Fields<PolicyLedgerRow> kPolicyLedgerFields =
    GJ_COLUMNS(PolicyLedgerRow, credit_code, name)
        .And(Col<&PolicyLedgerRow::klass>("class"))
        .And(GJ_COLUMNS(PolicyLedgerRow, surcharge_fen, land_mu, energy_tce, emission_t));

const Table kEnterprises =
    TableOf("enterprises", kEnterpriseFields).With({"id", "county_code", "version", "updated_at"});
const Table kData = TableOf("le_data", kDataFields, kFigures).With({"updated_at"});
const Table kSchemes = TableOf("le_schemes", kSchemeFields).With({"county_code", "created_by"});
const Table kRuns = TableOf("le_runs", kRunFields).With({"created_by"});
const Table kAdjustments = TableOf("le_adjustments", kAdjustmentFields).With({"run_id"});
const Table kAppeals = TableOf("le_appeals", kAppealFields);
const Table kPolicies = TableOf("le_policies", kPolicyFields).With({"county_code"});
const Table kPolicyLedger =
    TableOf("le_policy_ledger", kPolicyLedgerFields).With({"id", "run_id", "county_code", "year"});

// A data row with its enterprise's columns.
const std::string kDataSelect =
    "SELECT " + kData.Select("d") +
    ", e.county_code AS county_code, e.credit_code AS credit_code, e.name AS name, e.town AS town, "
    "e.industry_code AS industry_code, e.above_scale AS above_scale "
    "FROM le_data d JOIN enterprises e ON e.id = d.enterprise_id ";

LandDataRow DataFrom(RowReader& r) {
  LandDataRow row;
  ReadInto(kDataFields, r, row);
  ReadInto(kDataJoinedFields, r, row);
  ReadInto(kEnterpriseFields, r, row.e);
  ReadInto(kFigures, r, row.e);
  return row;
}

constexpr const char* kRunListColumns =
    "SELECT id, county_code, year, run_no, scheme_id, state, published_on, finalized_on, version, created_at";
// A run read without its documents (they are large) reads them as empty.
constexpr const char* kNoDocs = ", '' AS scheme_doc, '' AS input_doc";

}  // namespace

int64_t UpsertLandData(Connection& c, const std::string& county, int year, const land::Enterprise& e,
                       const std::string& now) {
  ColumnValues about = ValuesOf(kEnterpriseFields, e);
  about.emplace_back("updated_at", now);
  auto eid = ReadOne(c, "SELECT id FROM enterprises WHERE credit_code = ?", {e.credit_code},
                     [](RowReader& r) { return r.Int("id"); });
  if (eid) {
    UpdateWhere(c, kEnterprises, about, {{"id", *eid}}, /*bump_version=*/true);
  } else {
    ColumnValues values = InsertValuesOf(kEnterpriseFields, e);
    values.insert(values.end(), {{"county_code", county}, {"updated_at", now}});
    eid = InsertReturningId(c, kEnterprises, values);
  }
  ColumnValues figures = ValuesOf(kFigures, e);
  figures.emplace_back("updated_at", now);
  auto id = ReadOne(c, "SELECT id FROM le_data WHERE enterprise_id = ? AND year = ?", {*eid, int64_t{year}},
                    [](RowReader& r) { return r.Int("id"); });
  if (id) {
    // A re-import replaces the figures and sends the data back to review.
    figures.insert(figures.end(), {{"state", std::string("submitted")}, {"return_reason", std::string()}});
    UpdateWhere(c, kData, figures, {{"id", *id}}, /*bump_version=*/true);
    return *id;
  }
  figures.insert(figures.begin(), {{"enterprise_id", *eid}, {"year", int64_t{year}}});
  return InsertReturningId(c, kData, figures);
}

std::string EnterpriseScopeClause(const access::ReadScope& scope, std::vector<Value>& params,
                                  const char* alias) {
  if (scope.all()) return "";
  if (scope.counties().empty() && scope.towns().empty()) return " AND 1=0";
  const std::string a = alias;
  std::string s;
  if (!scope.counties().empty()) s = a + ".county_code IN (" + InList(scope.counties(), params) + ")";
  if (!scope.towns().empty()) {
    s += (s.empty() ? "" : " OR ") + std::string("EXISTS (SELECT 1 FROM regions tr WHERE tr.parent_code = ") +
         a + ".county_code AND tr.name = " + a + ".town AND tr.code IN (" + InList(scope.towns(), params) +
         "))";
  }
  return " AND (" + s + ")";
}

std::vector<LandDataRow> ListLandData(Connection& c, const access::ReadScope& scope,
                                      const std::string& county, int year) {
  std::vector<Value> params{county, int64_t{year}};
  const std::string sql = kDataSelect + "WHERE e.county_code = ? AND d.year = ?" +
                          EnterpriseScopeClause(scope, params) + " ORDER BY d.id";
  return ReadRows(c, sql, params, DataFrom);
}

std::optional<LandDataRow> GetLandData(Connection& c, const access::ReadScope& scope, int64_t id) {
  std::vector<Value> params{id};
  return ReadOne(c, kDataSelect + "WHERE d.id = ?" + EnterpriseScopeClause(scope, params), params, DataFrom);
}

Status UpdateLandData(Connection& c, const LandDataRow& row, const std::string& now) {
  ColumnValues values = ValuesOf(kFigures, row.e);
  for (auto& v : ValuesOf(kDataFields, row)) values.push_back(std::move(v));
  values.emplace_back("updated_at", now);
  return UpdateVersioned(c, kData, "data", values, row.id, row.version);
}

std::optional<std::string> EnterpriseCounty(Connection& c, const std::string& credit_code) {
  return ReadOne(c, "SELECT county_code FROM enterprises WHERE credit_code = ?", {credit_code},
                 [](RowReader& r) { return r.Text("county_code"); });
}

std::optional<SchemeRow> CurrentScheme(Connection& c, const std::string& county) {
  return ReadOne(
      c,
      "SELECT id, version, doc, created_at FROM le_schemes WHERE county_code = ? ORDER BY version DESC LIMIT 1",
      {county}, RecordOf(kSchemeFields));
}

int64_t InsertScheme(Connection& c, const std::string& county, int version, const std::string& doc,
                     const std::string& now, int64_t user_id) {
  return InsertReturningId(c, kSchemes,
                           {{"county_code", county},
                            {"version", int64_t{version}},
                            {"doc", doc},
                            {"created_at", now},
                            {"created_by", user_id}});
}

int64_t InsertRun(Connection& c, const RunRow& r, int64_t user_id) {
  ColumnValues values = InsertValuesOf(kRunFields, r);
  values.emplace_back("created_by", user_id);
  return InsertReturningId(c, kRuns, values);
}

std::optional<RunRow> GetRun(Connection& c, int64_t id, bool with_docs) {
  return ReadOne(c,
                 std::string(kRunListColumns) + (with_docs ? ", scheme_doc, input_doc" : kNoDocs) +
                     " FROM le_runs WHERE id = ?",
                 {id}, RecordOf(kRunFields));
}

std::vector<RunRow> ListRuns(Connection& c, const std::string& county, std::optional<int> year) {
  std::string sql = std::string(kRunListColumns) + kNoDocs + " FROM le_runs WHERE county_code = ?";
  std::vector<Value> params = {county};
  if (year) {
    sql += " AND year = ?";
    params.push_back(int64_t{*year});
  }
  return ReadRows(c, sql + " ORDER BY year DESC, run_no DESC", params, RecordOf(kRunFields));
}

int NextRunNo(Connection& c, const std::string& county, int year) {
  auto last = ReadOne(c, "SELECT MAX(run_no) AS last FROM le_runs WHERE county_code = ? AND year = ?",
                      {county, int64_t{year}}, [](RowReader& r) { return r.Int("last"); });
  return static_cast<int>(last.value_or(0)) + 1;
}

Status UpdateRun(Connection& c, const RunRow& r) {
  return UpdateVersioned(c, kRuns, "evaluation run", ValuesOf(kRunFields, r), r.id, r.version);
}

void InsertAdjustment(Connection& c, int64_t run_id, const AdjustmentRow& a) {
  ColumnValues values = InsertValuesOf(kAdjustmentFields, a);
  values.emplace_back("run_id", run_id);
  InsertRow(c, kAdjustments, values);
}

std::vector<AdjustmentRow> ListAdjustments(Connection& c, int64_t run_id) {
  return ReadRows(c, "SELECT " + kAdjustments.Select() + " FROM le_adjustments WHERE run_id = ? ORDER BY id",
                  {run_id}, RecordOf(kAdjustmentFields));
}

int64_t InsertAppeal(Connection& c, const AppealRow& a) {
  return InsertReturningId(c, kAppeals, InsertValuesOf(kAppealFields, a));
}

std::vector<AppealRow> ListAppeals(Connection& c, int64_t run_id) {
  return ReadRows(c, "SELECT " + kAppeals.Select() + " FROM le_appeals WHERE run_id = ? ORDER BY id",
                  {run_id}, RecordOf(kAppealFields));
}

std::optional<AppealRow> GetAppeal(Connection& c, int64_t id) {
  return ReadOne(c, "SELECT " + kAppeals.Select() + " FROM le_appeals WHERE id = ?", {id},
                 RecordOf(kAppealFields));
}

Status UpdateAppeal(Connection& c, const AppealRow& a) {
  return UpdateVersioned(c, kAppeals, "appeal", ValuesOf(kAppealFields, a), a.id, a.version);
}

std::vector<PolicyRow> ListPolicies(Connection& c, const std::string& county) {
  return ReadRows(c,
                  "SELECT " + kPolicies.Select() + " FROM le_policies WHERE county_code = ? ORDER BY class",
                  {county}, RecordOf(kPolicyFields));
}

void UpsertPolicy(Connection& c, const std::string& county, const PolicyRow& p) {
  Upsert(c, kPolicies, ValuesOf(kPolicyFields, p), {{"county_code", county}, {"class", p.klass}},
         /*bump_version=*/true);
}

void InsertPolicyLedger(Connection& c, int64_t run_id, const std::string& county, int year,
                        const PolicyLedgerRow& r) {
  ColumnValues values = InsertValuesOf(kPolicyLedgerFields, r);
  values.insert(values.end(), {{"run_id", run_id}, {"county_code", county}, {"year", int64_t{year}}});
  InsertRow(c, kPolicyLedger, values);
}

std::vector<PolicyLedgerRow> ListPolicyLedger(Connection& c, int64_t run_id) {
  return ReadRows(c,
                  "SELECT " + kPolicyLedger.Select() + " FROM le_policy_ledger WHERE run_id = ? ORDER BY id",
                  {run_id}, RecordOf(kPolicyLedgerFields));
}

}  // namespace gj::store
