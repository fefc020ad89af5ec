#include "store/land_efficiency_store.h"

#include "store/journal.h"

namespace gj::store {

namespace {

// ---- the tables, one column list each

const Table kEnterprises{"le_enterprises",
                         {"id", "credit_code", "name", "county_code", "town", "industry_code", "above_scale",
                          "version", "updated_at"}};
const Table kData{"le_data", {"id",           "enterprise_id",   "year",       "land_mu",       "tax",
                              "revenue",      "value_added",     "energy_tce", "emission_eq",   "rd_spend",
                              "employees",    "electricity_kwh", "bonus",      "penalty",       "veto",
                              "undetermined", "county_text",     "state",      "return_reason", "version",
                              "updated_at"}};
const Table kSchemes{"le_schemes", {"id", "county_code", "version", "doc", "created_at", "created_by"}};
const Table kRuns{"le_runs",
                  {"id", "county_code", "year", "run_no", "scheme_id", "scheme_doc", "input_doc", "state",
                   "published_on", "finalized_on", "version", "created_at", "created_by"}};
const Table kAdjustments{
    "le_adjustments",
    {"id", "run_id", "credit_code", "old_class", "new_class", "reason", "source", "user_id", "at"}};
const Table kAppeals{"le_appeals",
                     {"id", "run_id", "credit_code", "reason", "filed_on", "state", "decision", "new_class",
                      "decided_on", "version"}};
const Table kPolicies{"le_policies",
                      {"county_code", "class", "land_mu", "energy_tce", "emission_t", "note", "version"}};
const Table kPolicyLedger{"le_policy_ledger",
                          {"id", "run_id", "county_code", "year", "credit_code", "name", "class",
                           "surcharge_fen", "land_mu", "energy_tce", "emission_t"}};

using E = land::Enterprise;
// An enterprise as le_enterprises stores it (a re-import rewrites all but its credit code).
const Fields<E> kEnterpriseFields = {
    Col<&E::credit_code>("credit_code").OnInsert(),
    Col<&E::name>("name"),
    Col<&E::town>("town"),
    Col<&E::industry_code>("industry_code"),
    Col<&E::above_scale>("above_scale"),
};
// An enterprise's figures of a year, as le_data stores them.
const Fields<E> kFigures = {
    Col<&E::land_mu>("land_mu"),
    Col<&E::tax>("tax"),
    Col<&E::revenue>("revenue"),
    Col<&E::value_added>("value_added"),
    Col<&E::energy_tce>("energy_tce"),
    Col<&E::emission_eq>("emission_eq"),
    Col<&E::rd_spend>("rd_spend"),
    Col<&E::employees>("employees"),
    Col<&E::electricity_kwh>("electricity_kwh"),
    Col<&E::bonus>("bonus"),
    Col<&E::penalty>("penalty"),
    Col<&E::veto>("veto"),
    Col<&E::undetermined>("undetermined"),
    Col<&E::county>("county_text"),
};
// A data row's own columns (its enterprise's come from the join).
const Fields<LandDataRow> kDataFields = {
    Col<&LandDataRow::id>("id").ReadOnly(),
    Col<&LandDataRow::enterprise_id>("enterprise_id").ReadOnly(),
    Col<&LandDataRow::year>("year").ReadOnly(),
    Col<&LandDataRow::county_code>("county_code").ReadOnly(),
    Col<&LandDataRow::state>("state"),
    Col<&LandDataRow::return_reason>("return_reason"),
    Col<&LandDataRow::version>("version").ReadOnly(),
};
const Fields<SchemeRow> kSchemeFields = {
    Col<&SchemeRow::id>("id").ReadOnly(),
    Col<&SchemeRow::version>("version"),
    Col<&SchemeRow::doc>("doc"),
    Col<&SchemeRow::created_at>("created_at"),
};
// A run's documents are read only by GetRun(with_docs); lists select them as ''.
const Fields<RunRow> kRunFields = {
    Col<&RunRow::id>("id").ReadOnly(),
    Col<&RunRow::county_code>("county_code").OnInsert(),
    Col<&RunRow::year>("year").OnInsert(),
    Col<&RunRow::run_no>("run_no").OnInsert(),
    Col<&RunRow::scheme_id>("scheme_id").OnInsert(),
    Col<&RunRow::state>("state"),
    ColOrNull<&RunRow::published_on>("published_on").OnUpdate(),
    ColOrNull<&RunRow::finalized_on>("finalized_on").OnUpdate(),
    Col<&RunRow::version>("version").ReadOnly(),
    Col<&RunRow::created_at>("created_at").OnInsert(),
    Col<&RunRow::scheme_doc>("scheme_doc").OnInsert(),
    Col<&RunRow::input_doc>("input_doc").OnInsert(),
};
const Fields<AdjustmentRow> kAdjustmentFields = {
    Col<&AdjustmentRow::id>("id").ReadOnly(),    Col<&AdjustmentRow::credit_code>("credit_code"),
    Col<&AdjustmentRow::old_class>("old_class"), Col<&AdjustmentRow::new_class>("new_class"),
    Col<&AdjustmentRow::reason>("reason"),       Col<&AdjustmentRow::source>("source"),
    Col<&AdjustmentRow::user_id>("user_id"),     Col<&AdjustmentRow::at>("at"),
};
// An appeal is filed with its grounds; the decision fields keep their defaults until decided.
const Fields<AppealRow> kAppealFields = {
    Col<&AppealRow::id>("id").ReadOnly(),
    Col<&AppealRow::run_id>("run_id").OnInsert(),
    Col<&AppealRow::credit_code>("credit_code").OnInsert(),
    Col<&AppealRow::reason>("reason").OnInsert(),
    Col<&AppealRow::filed_on>("filed_on").OnInsert(),
    Col<&AppealRow::state>("state").OnUpdate(),
    Col<&AppealRow::decision>("decision").OnUpdate(),
    Col<&AppealRow::new_class>("new_class").OnUpdate(),
    ColOrNull<&AppealRow::decided_on>("decided_on").OnUpdate(),
    Col<&AppealRow::version>("version").ReadOnly(),
};
const Fields<PolicyRow> kPolicyFields = {
    Col<&PolicyRow::klass>("class").OnInsert(),
    Col<&PolicyRow::land_mu>("land_mu"),
    Col<&PolicyRow::energy_tce>("energy_tce"),
    Col<&PolicyRow::emission_t>("emission_t"),
    Col<&PolicyRow::note>("note"),
    Col<&PolicyRow::version>("version").ReadOnly(),
};
const Fields<PolicyLedgerRow> kPolicyLedgerFields = {
    Col<&PolicyLedgerRow::credit_code>("credit_code"),
    Col<&PolicyLedgerRow::name>("name"),
    Col<&PolicyLedgerRow::klass>("class"),
    Col<&PolicyLedgerRow::surcharge_fen>("surcharge_fen"),
    Col<&PolicyLedgerRow::land_mu>("land_mu"),
    Col<&PolicyLedgerRow::energy_tce>("energy_tce"),
    Col<&PolicyLedgerRow::emission_t>("emission_t"),
};

// A data row with its enterprise's columns.
const std::string kDataSelect =
    "SELECT " + kData.Select("d") +
    ", e.county_code AS county_code, e.credit_code AS credit_code, e.name AS name, e.town AS town, "
    "e.industry_code AS industry_code, e.above_scale AS above_scale "
    "FROM le_data d JOIN le_enterprises e ON e.id = d.enterprise_id ";

LandDataRow DataFrom(RowReader& r) {
  LandDataRow row;
  ReadInto(kDataFields, r, row);
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
  auto eid = ReadOne(c, "SELECT id FROM le_enterprises WHERE credit_code = ?", {e.credit_code},
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

std::vector<LandDataRow> ListLandData(Connection& c, const std::string& county, int year) {
  return ReadRows(c, kDataSelect + "WHERE e.county_code = ? AND d.year = ? ORDER BY d.id",
                  {county, int64_t{year}}, DataFrom);
}

std::optional<LandDataRow> GetLandData(Connection& c, int64_t id) {
  return ReadOne(c, kDataSelect + "WHERE d.id = ?", {id}, DataFrom);
}

Status UpdateLandData(Connection& c, const LandDataRow& row, const std::string& now) {
  ColumnValues values = ValuesOf(kFigures, row.e);
  for (auto& v : ValuesOf(kDataFields, row)) values.push_back(std::move(v));
  values.emplace_back("updated_at", now);
  return UpdateVersioned(c, kData, "data", values, row.id, row.version);
}

std::optional<std::string> EnterpriseCounty(Connection& c, const std::string& credit_code) {
  return ReadOne(c, "SELECT county_code FROM le_enterprises WHERE credit_code = ?", {credit_code},
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
