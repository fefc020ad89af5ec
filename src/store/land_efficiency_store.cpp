#include "store/land_efficiency_store.h"

#include "store/journal.h"
#include "store/row.h"
#include "store/table.h"

namespace gj::store {

namespace {

// ---- the tables, one column list each

const Table kEnterprises{"le_enterprises",
                         {"id", "credit_code", "name", "county_code", "town", "industry_code", "above_scale", "version",
                          "updated_at"}};
const Table kData{"le_data",
                  {"id", "enterprise_id", "year", "land_mu", "tax", "revenue", "value_added", "energy_tce", "emission_eq",
                   "rd_spend", "employees", "electricity_kwh", "bonus", "penalty", "veto", "undetermined", "county_text",
                   "state", "return_reason", "version", "updated_at"}};
const Table kSchemes{"le_schemes", {"id", "county_code", "version", "doc", "created_at", "created_by"}};
const Table kRuns{"le_runs",
                  {"id", "county_code", "year", "run_no", "scheme_id", "scheme_doc", "input_doc", "state", "published_on",
                   "finalized_on", "version", "created_at", "created_by"}};
const Table kAdjustments{"le_adjustments",
                         {"id", "run_id", "credit_code", "old_class", "new_class", "reason", "source", "user_id", "at"}};
const Table kAppeals{"le_appeals",
                     {"id", "run_id", "credit_code", "reason", "filed_on", "state", "decision", "new_class", "decided_on",
                      "version"}};
const Table kPolicies{"le_policies", {"county_code", "class", "land_mu", "energy_tce", "emission_t", "note", "version"}};
const Table kPolicyLedger{"le_policy_ledger",
                          {"id", "run_id", "county_code", "year", "credit_code", "name", "class", "surcharge_fen", "land_mu",
                           "energy_tce", "emission_t"}};

using E = land::Enterprise;
// An enterprise's figures of a year, as le_data stores them.
const Fields<E> kFigures = {
    {"land_mu", [](const E& e) -> Value { return e.land_mu; }},
    {"tax", [](const E& e) -> Value { return e.tax; }},
    {"revenue", [](const E& e) -> Value { return e.revenue; }},
    {"value_added", [](const E& e) { return Opt(e.value_added); }},
    {"energy_tce", [](const E& e) { return Opt(e.energy_tce); }},
    {"emission_eq", [](const E& e) { return Opt(e.emission_eq); }},
    {"rd_spend", [](const E& e) { return Opt(e.rd_spend); }},
    {"employees", [](const E& e) { return Opt(e.employees); }},
    {"electricity_kwh", [](const E& e) { return Opt(e.electricity_kwh); }},
    {"bonus", [](const E& e) -> Value { return e.bonus; }},
    {"penalty", [](const E& e) -> Value { return e.penalty; }},
    {"veto", [](const E& e) -> Value { return int64_t{e.veto}; }},
    {"undetermined", [](const E& e) -> Value { return int64_t{e.undetermined}; }},
};

const std::string& DataSelect() {
  static const std::string kSql = "SELECT " + kData.Select("d") +
                                  ", e.county_code AS county_code, e.credit_code AS credit_code, e.name AS name, e.town AS town, "
                                  "e.industry_code AS industry_code, e.above_scale AS above_scale "
                                  "FROM le_data d JOIN le_enterprises e ON e.id = d.enterprise_id ";
  return kSql;
}

LandDataRow DataFrom(RowReader& r) {
  LandDataRow row;
  row.id = r.Int("id");
  row.enterprise_id = r.Int("enterprise_id");
  row.year = static_cast<int>(r.Int("year"));
  row.county_code = r.Text("county_code");
  row.state = r.Text("state");
  row.return_reason = r.Text("return_reason");
  row.version = r.Int("version");
  auto& e = row.e;
  e.credit_code = r.Text("credit_code");
  e.name = r.Text("name");
  e.county = r.Text("county_text");
  e.town = r.Text("town");
  e.industry_code = r.Text("industry_code");
  e.above_scale = r.Bool("above_scale");
  e.land_mu = r.Double("land_mu");
  e.tax = r.Double("tax");
  e.revenue = r.Double("revenue");
  e.value_added = r.OptDouble("value_added");
  e.energy_tce = r.OptDouble("energy_tce");
  e.emission_eq = r.OptDouble("emission_eq");
  e.rd_spend = r.OptDouble("rd_spend");
  e.employees = r.OptDouble("employees");
  e.electricity_kwh = r.OptDouble("electricity_kwh");
  e.bonus = r.Double("bonus");
  e.penalty = r.Double("penalty");
  e.veto = r.Bool("veto");
  e.undetermined = r.Bool("undetermined");
  return row;
}

// A run's columns; its documents only when the SELECT list has them.
RunRow RunFrom(RowReader& r) {
  RunRow x;
  x.id = r.Int("id");
  x.county_code = r.Text("county_code");
  x.year = static_cast<int>(r.Int("year"));
  x.run_no = static_cast<int>(r.Int("run_no"));
  x.scheme_id = r.OptInt("scheme_id");
  x.state = r.Text("state");
  x.published_on = r.Text("published_on");
  x.finalized_on = r.Text("finalized_on");
  x.version = r.Int("version");
  x.created_at = r.Text("created_at");
  if (r.Has("scheme_doc")) {
    x.scheme_doc = r.Text("scheme_doc");
    x.input_doc = r.Text("input_doc");
  }
  return x;
}

constexpr const char* kRunListColumns =
    "SELECT id, county_code, year, run_no, scheme_id, state, published_on, finalized_on, version, created_at";

AppealRow AppealFrom(RowReader& r) {
  AppealRow a;
  a.id = r.Int("id");
  a.run_id = r.Int("run_id");
  a.credit_code = r.Text("credit_code");
  a.reason = r.Text("reason");
  a.filed_on = r.Text("filed_on");
  a.state = r.Text("state");
  a.decision = r.Text("decision");
  a.new_class = r.Text("new_class");
  a.decided_on = r.Text("decided_on");
  a.version = r.Int("version");
  return a;
}

}  // namespace

int64_t UpsertLandData(Connection& c, const std::string& county, int year, const land::Enterprise& e,
                       const std::string& now) {
  const ColumnValues about = {{"name", e.name}, {"town", e.town}, {"industry_code", e.industry_code},
                              {"above_scale", int64_t{e.above_scale}}, {"updated_at", now}};
  auto eid = ReadOne(c, "SELECT id FROM le_enterprises WHERE credit_code = ?", {e.credit_code}, [](RowReader& r) { return r.Int("id"); });
  if (eid) {
    UpdateWhere(c, kEnterprises, about, {{"id", *eid}}, /*bump_version=*/true);
  } else {
    ColumnValues values = about;
    values.insert(values.end(), {{"credit_code", e.credit_code}, {"county_code", county}});
    eid = InsertReturningId(c, kEnterprises, values);
  }
  ColumnValues figures = ValuesOf(kFigures, e);
  figures.insert(figures.end(), {{"county_text", e.county}, {"updated_at", now}});
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
  return ReadRows(c, DataSelect() + "WHERE e.county_code = ? AND d.year = ? ORDER BY d.id", {county, int64_t{year}}, DataFrom);
}

std::optional<LandDataRow> GetLandData(Connection& c, int64_t id) {
  return ReadOne(c, DataSelect() + "WHERE d.id = ?", {id}, DataFrom);
}

bool UpdateLandData(Connection& c, const LandDataRow& row, const std::string& now) {
  ColumnValues values = ValuesOf(kFigures, row.e);
  values.insert(values.end(), {{"state", row.state}, {"return_reason", row.return_reason}, {"updated_at", now}});
  return UpdateVersioned(c, kData, values, row.id, row.version);
}

std::optional<std::string> EnterpriseCounty(Connection& c, const std::string& credit_code) {
  return ReadOne(c, "SELECT county_code FROM le_enterprises WHERE credit_code = ?", {credit_code},
                 [](RowReader& r) { return r.Text("county_code"); });
}

std::optional<SchemeRow> CurrentScheme(Connection& c, const std::string& county) {
  return ReadOne(c, "SELECT id, version, doc, created_at FROM le_schemes WHERE county_code = ? ORDER BY version DESC LIMIT 1",
                 {county}, [](RowReader& r) {
                   SchemeRow s;
                   s.id = r.Int("id");
                   s.version = static_cast<int>(r.Int("version"));
                   s.doc = r.Text("doc");
                   s.created_at = r.Text("created_at");
                   return s;
                 });
}

int64_t InsertScheme(Connection& c, const std::string& county, int version, const std::string& doc,
                     const std::string& now, int64_t user_id) {
  return InsertReturningId(c, kSchemes,
                           {{"county_code", county}, {"version", int64_t{version}}, {"doc", doc}, {"created_at", now},
                            {"created_by", user_id}});
}

int64_t InsertRun(Connection& c, const RunRow& r, int64_t user_id) {
  return InsertReturningId(c, kRuns,
                           {{"county_code", r.county_code}, {"year", int64_t{r.year}}, {"run_no", int64_t{r.run_no}},
                            {"scheme_id", Opt(r.scheme_id)}, {"scheme_doc", r.scheme_doc}, {"input_doc", r.input_doc},
                            {"state", r.state}, {"created_at", r.created_at}, {"created_by", user_id}});
}

std::optional<RunRow> GetRun(Connection& c, int64_t id, bool with_docs) {
  return ReadOne(c, std::string(kRunListColumns) + (with_docs ? ", scheme_doc, input_doc" : "") + " FROM le_runs WHERE id = ?",
                 {id}, RunFrom);
}

std::vector<RunRow> ListRuns(Connection& c, const std::string& county, std::optional<int> year) {
  std::string sql = std::string(kRunListColumns) + " FROM le_runs WHERE county_code = ?";
  std::vector<Value> params = {county};
  if (year) {
    sql += " AND year = ?";
    params.push_back(int64_t{*year});
  }
  return ReadRows(c, sql + " ORDER BY year DESC, run_no DESC", params, RunFrom);
}

int NextRunNo(Connection& c, const std::string& county, int year) {
  auto last = ReadOne(c, "SELECT MAX(run_no) AS last FROM le_runs WHERE county_code = ? AND year = ?", {county, int64_t{year}},
                      [](RowReader& r) { return r.Int("last"); });
  return static_cast<int>(last.value_or(0)) + 1;
}

bool UpdateRun(Connection& c, const RunRow& r) {
  return UpdateVersioned(c, kRuns,
                         {{"state", r.state}, {"published_on", NullIfEmpty(r.published_on)},
                          {"finalized_on", NullIfEmpty(r.finalized_on)}},
                         r.id, r.version);
}

void InsertAdjustment(Connection& c, int64_t run_id, const AdjustmentRow& a) {
  InsertRow(c, kAdjustments,
            {{"run_id", run_id}, {"credit_code", a.credit_code}, {"old_class", a.old_class}, {"new_class", a.new_class},
             {"reason", a.reason}, {"source", a.source}, {"user_id", Opt(a.user_id)}, {"at", a.at}});
}

std::vector<AdjustmentRow> ListAdjustments(Connection& c, int64_t run_id) {
  return ReadRows(c, "SELECT " + kAdjustments.Select() + " FROM le_adjustments WHERE run_id = ? ORDER BY id", {run_id},
                  [](RowReader& r) {
                    AdjustmentRow a;
                    a.id = r.Int("id");
                    a.credit_code = r.Text("credit_code");
                    a.old_class = r.Text("old_class");
                    a.new_class = r.Text("new_class");
                    a.reason = r.Text("reason");
                    a.source = r.Text("source");
                    a.at = r.Text("at");
                    a.user_id = r.OptInt("user_id");
                    return a;
                  });
}

int64_t InsertAppeal(Connection& c, const AppealRow& a) {
  return InsertReturningId(c, kAppeals,
                           {{"run_id", a.run_id}, {"credit_code", a.credit_code}, {"reason", a.reason}, {"filed_on", a.filed_on}});
}

std::vector<AppealRow> ListAppeals(Connection& c, int64_t run_id) {
  return ReadRows(c, "SELECT " + kAppeals.Select() + " FROM le_appeals WHERE run_id = ? ORDER BY id", {run_id}, AppealFrom);
}

std::optional<AppealRow> GetAppeal(Connection& c, int64_t id) {
  return ReadOne(c, "SELECT " + kAppeals.Select() + " FROM le_appeals WHERE id = ?", {id}, AppealFrom);
}

bool UpdateAppeal(Connection& c, const AppealRow& a) {
  return UpdateVersioned(c, kAppeals,
                         {{"state", a.state}, {"decision", a.decision}, {"new_class", a.new_class},
                          {"decided_on", NullIfEmpty(a.decided_on)}},
                         a.id, a.version);
}

std::vector<PolicyRow> ListPolicies(Connection& c, const std::string& county) {
  return ReadRows(c, "SELECT " + kPolicies.Select() + " FROM le_policies WHERE county_code = ? ORDER BY class", {county},
                  [](RowReader& r) {
                    PolicyRow p;
                    p.klass = r.Text("class");
                    p.land_mu = r.Double("land_mu");
                    p.energy_tce = r.Double("energy_tce");
                    p.emission_t = r.Double("emission_t");
                    p.note = r.Text("note");
                    p.version = r.Int("version");
                    return p;
                  });
}

void UpsertPolicy(Connection& c, const std::string& county, const PolicyRow& p) {
  Upsert(c, kPolicies,
         {{"land_mu", p.land_mu}, {"energy_tce", p.energy_tce}, {"emission_t", p.emission_t}, {"note", p.note}},
         {{"county_code", county}, {"class", p.klass}}, /*bump_version=*/true);
}

void InsertPolicyLedger(Connection& c, int64_t run_id, const std::string& county, int year, const PolicyLedgerRow& r) {
  InsertRow(c, kPolicyLedger,
            {{"run_id", run_id}, {"county_code", county}, {"year", int64_t{year}}, {"credit_code", r.credit_code},
             {"name", r.name}, {"class", r.klass}, {"surcharge_fen", Opt(r.surcharge_fen)}, {"land_mu", r.land_mu},
             {"energy_tce", r.energy_tce}, {"emission_t", r.emission_t}});
}

std::vector<PolicyLedgerRow> ListPolicyLedger(Connection& c, int64_t run_id) {
  return ReadRows(c, "SELECT " + kPolicyLedger.Select() + " FROM le_policy_ledger WHERE run_id = ? ORDER BY id", {run_id},
                  [](RowReader& r) {
                    PolicyLedgerRow x;
                    x.credit_code = r.Text("credit_code");
                    x.name = r.Text("name");
                    x.klass = r.Text("class");
                    x.surcharge_fen = r.OptInt("surcharge_fen");
                    x.land_mu = r.Double("land_mu");
                    x.energy_tce = r.Double("energy_tce");
                    x.emission_t = r.Double("emission_t");
                    return x;
                  });
}

}  // namespace gj::store
