#include "store/land_efficiency_store.h"

namespace gj::store {

namespace {

constexpr const char* kDataSelect =
    "SELECT d.id, d.enterprise_id, d.year, e.county_code, d.state, d.return_reason, d.version, e.credit_code, e.name, "
    "d.county_text, e.town, e.industry_code, e.above_scale, d.land_mu, d.tax, d.revenue, d.value_added, d.energy_tce, "
    "d.emission_eq, d.rd_spend, d.employees, d.electricity_kwh, d.bonus, d.penalty, d.veto, d.undetermined "
    "FROM le_data d JOIN le_enterprises e ON e.id = d.enterprise_id ";

LandDataRow DataFrom(const std::vector<Value>& v) {
  LandDataRow r;
  r.id = AsInt(v[0]);
  r.enterprise_id = AsInt(v[1]);
  r.year = static_cast<int>(AsInt(v[2]));
  r.county_code = AsText(v[3]);
  r.state = AsText(v[4]);
  r.return_reason = AsText(v[5]);
  r.version = AsInt(v[6]);
  auto& e = r.e;
  e.credit_code = AsText(v[7]);
  e.name = AsText(v[8]);
  e.county = AsText(v[9]);
  e.town = AsText(v[10]);
  e.industry_code = AsText(v[11]);
  e.above_scale = AsInt(v[12]) != 0;
  e.land_mu = AsDouble(v[13]);
  e.tax = AsDouble(v[14]);
  e.revenue = AsDouble(v[15]);
  e.value_added = AsOptDouble(v[16]);
  e.energy_tce = AsOptDouble(v[17]);
  e.emission_eq = AsOptDouble(v[18]);
  e.rd_spend = AsOptDouble(v[19]);
  e.employees = AsOptDouble(v[20]);
  e.electricity_kwh = AsOptDouble(v[21]);
  e.bonus = AsDouble(v[22]);
  e.penalty = AsDouble(v[23]);
  e.veto = AsInt(v[24]) != 0;
  e.undetermined = AsInt(v[25]) != 0;
  return r;
}

std::vector<Value> Figures(const land::Enterprise& e) {
  return {e.land_mu, e.tax, e.revenue, Opt(e.value_added), Opt(e.energy_tce), Opt(e.emission_eq), Opt(e.rd_spend),
          Opt(e.employees), Opt(e.electricity_kwh), e.bonus, e.penalty, int64_t{e.veto}, int64_t{e.undetermined}};
}

RunRow RunFrom(const std::vector<Value>& v, bool docs) {
  RunRow r;
  r.id = AsInt(v[0]);
  r.county_code = AsText(v[1]);
  r.year = static_cast<int>(AsInt(v[2]));
  r.run_no = static_cast<int>(AsInt(v[3]));
  r.scheme_id = AsOptInt(v[4]);
  r.state = AsText(v[5]);
  r.published_on = AsOptText(v[6]).value_or("");
  r.finalized_on = AsOptText(v[7]).value_or("");
  r.version = AsInt(v[8]);
  r.created_at = AsText(v[9]);
  if (docs) {
    r.scheme_doc = AsText(v[10]);
    r.input_doc = AsText(v[11]);
  }
  return r;
}

Value OptText(const std::string& s) { return s.empty() ? Null() : Value(s); }

}  // namespace

int64_t UpsertLandData(Connection& c, const std::string& county, int year, const land::Enterprise& e,
                       const std::string& now) {
  auto found = c.Query("SELECT id FROM le_enterprises WHERE credit_code = ?", {e.credit_code});
  int64_t eid = 0;
  if (found.empty()) {
    eid = AsInt(c.Query("INSERT INTO le_enterprises (credit_code, name, county_code, town, industry_code, above_scale, "
                        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                        {e.credit_code, e.name, county, e.town, e.industry_code, int64_t{e.above_scale}, now})
                    .rows[0][0]);
  } else {
    eid = AsInt(found.rows[0][0]);
    c.Exec("UPDATE le_enterprises SET name = ?, town = ?, industry_code = ?, above_scale = ?, version = version + 1, "
           "updated_at = ? WHERE id = ?",
           {e.name, e.town, e.industry_code, int64_t{e.above_scale}, now, eid});
  }
  auto params = Figures(e);
  params.push_back(e.county);
  params.push_back(now);
  auto existing = c.Query("SELECT id FROM le_data WHERE enterprise_id = ? AND year = ?", {eid, int64_t{year}});
  if (!existing.empty()) {
    const int64_t id = AsInt(existing.rows[0][0]);
    params.push_back(id);
    c.Exec("UPDATE le_data SET land_mu = ?, tax = ?, revenue = ?, value_added = ?, energy_tce = ?, emission_eq = ?, "
           "rd_spend = ?, employees = ?, electricity_kwh = ?, bonus = ?, penalty = ?, veto = ?, undetermined = ?, "
           "county_text = ?, updated_at = ?, state = 'submitted', return_reason = '', version = version + 1 WHERE id = ?",
           params);
    return id;
  }
  params.insert(params.begin(), {eid, int64_t{year}});
  return AsInt(c.Query("INSERT INTO le_data (enterprise_id, year, land_mu, tax, revenue, value_added, energy_tce, "
                       "emission_eq, rd_spend, employees, electricity_kwh, bonus, penalty, veto, undetermined, county_text, "
                       "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                       params)
                   .rows[0][0]);
}

std::vector<LandDataRow> ListLandData(Connection& c, const std::string& county, int year) {
  auto rows = c.Query(std::string(kDataSelect) + "WHERE e.county_code = ? AND d.year = ? ORDER BY d.id",
                      {county, int64_t{year}});
  std::vector<LandDataRow> out;
  out.reserve(rows.size());
  for (const auto& r : rows.rows) out.push_back(DataFrom(r));
  return out;
}

std::optional<LandDataRow> GetLandData(Connection& c, int64_t id) {
  auto rows = c.Query(std::string(kDataSelect) + "WHERE d.id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return DataFrom(rows.rows[0]);
}

bool UpdateLandData(Connection& c, const LandDataRow& row, const std::string& now) {
  auto params = Figures(row.e);
  params.insert(params.end(), {row.state, row.return_reason, now, row.id, row.version});
  return c.Exec("UPDATE le_data SET land_mu = ?, tax = ?, revenue = ?, value_added = ?, energy_tce = ?, emission_eq = ?, "
                "rd_spend = ?, employees = ?, electricity_kwh = ?, bonus = ?, penalty = ?, veto = ?, undetermined = ?, "
                "state = ?, return_reason = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
                params) == 1;
}

std::optional<std::string> EnterpriseCounty(Connection& c, const std::string& credit_code) {
  auto rows = c.Query("SELECT county_code FROM le_enterprises WHERE credit_code = ?", {credit_code});
  if (rows.empty()) return std::nullopt;
  return AsText(rows.rows[0][0]);
}

std::optional<SchemeRow> CurrentScheme(Connection& c, const std::string& county) {
  auto rows = c.Query("SELECT id, version, doc, created_at FROM le_schemes WHERE county_code = ? ORDER BY version DESC LIMIT 1",
                      {county});
  if (rows.empty()) return std::nullopt;
  const auto& v = rows.rows[0];
  return SchemeRow{AsInt(v[0]), static_cast<int>(AsInt(v[1])), AsText(v[2]), AsText(v[3])};
}

int64_t InsertScheme(Connection& c, const std::string& county, int version, const std::string& doc,
                     const std::string& now, int64_t user_id) {
  return AsInt(c.Query("INSERT INTO le_schemes (county_code, version, doc, created_at, created_by) VALUES (?, ?, ?, ?, ?) "
                       "RETURNING id",
                       {county, int64_t{version}, doc, now, user_id})
                   .rows[0][0]);
}

int64_t InsertRun(Connection& c, const RunRow& r, int64_t user_id) {
  return AsInt(c.Query("INSERT INTO le_runs (county_code, year, run_no, scheme_id, scheme_doc, input_doc, state, "
                       "created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                       {r.county_code, int64_t{r.year}, int64_t{r.run_no}, Opt(r.scheme_id), r.scheme_doc, r.input_doc,
                        r.state, r.created_at, user_id})
                   .rows[0][0]);
}

constexpr const char* kRunColumns =
    "SELECT id, county_code, year, run_no, scheme_id, state, published_on, finalized_on, version, created_at";

std::optional<RunRow> GetRun(Connection& c, int64_t id, bool with_docs) {
  auto rows = c.Query(std::string(kRunColumns) + (with_docs ? ", scheme_doc, input_doc" : "") + " FROM le_runs WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return RunFrom(rows.rows[0], with_docs);
}

std::vector<RunRow> ListRuns(Connection& c, const std::string& county, std::optional<int> year) {
  std::string sql = std::string(kRunColumns) + " FROM le_runs WHERE county_code = ?";
  std::vector<Value> params = {county};
  if (year) {
    sql += " AND year = ?";
    params.push_back(int64_t{*year});
  }
  auto rows = c.Query(sql + " ORDER BY year DESC, run_no DESC", params);
  std::vector<RunRow> out;
  for (const auto& r : rows.rows) out.push_back(RunFrom(r, false));
  return out;
}

int NextRunNo(Connection& c, const std::string& county, int year) {
  auto rows = c.Query("SELECT MAX(run_no) FROM le_runs WHERE county_code = ? AND year = ?", {county, int64_t{year}});
  return static_cast<int>(AsInt(rows.rows[0][0], 0)) + 1;
}

bool UpdateRun(Connection& c, const RunRow& r) {
  return c.Exec("UPDATE le_runs SET state = ?, published_on = ?, finalized_on = ?, version = version + 1 "
                "WHERE id = ? AND version = ?",
                {r.state, OptText(r.published_on), OptText(r.finalized_on), r.id, r.version}) == 1;
}

void InsertAdjustment(Connection& c, int64_t run_id, const AdjustmentRow& a) {
  c.Exec("INSERT INTO le_adjustments (run_id, credit_code, old_class, new_class, reason, source, user_id, at) "
         "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
         {run_id, a.credit_code, a.old_class, a.new_class, a.reason, a.source, Opt(a.user_id), a.at});
}

std::vector<AdjustmentRow> ListAdjustments(Connection& c, int64_t run_id) {
  auto rows = c.Query("SELECT id, credit_code, old_class, new_class, reason, source, at, user_id FROM le_adjustments "
                      "WHERE run_id = ? ORDER BY id",
                      {run_id});
  std::vector<AdjustmentRow> out;
  for (const auto& v : rows.rows) {
    out.push_back({AsInt(v[0]), AsText(v[1]), AsText(v[2]), AsText(v[3]), AsText(v[4]), AsText(v[5]), AsText(v[6]),
                   AsOptInt(v[7])});
  }
  return out;
}

namespace {
constexpr const char* kAppealColumns =
    "SELECT id, run_id, credit_code, reason, filed_on, state, decision, new_class, decided_on, version FROM le_appeals ";
AppealRow AppealFrom(const std::vector<Value>& v) {
  return {AsInt(v[0]),  AsInt(v[1]),  AsText(v[2]), AsText(v[3]), AsText(v[4]), AsText(v[5]),
          AsText(v[6]), AsText(v[7]), AsOptText(v[8]).value_or(""), AsInt(v[9])};
}
}  // namespace

int64_t InsertAppeal(Connection& c, const AppealRow& a) {
  return AsInt(c.Query("INSERT INTO le_appeals (run_id, credit_code, reason, filed_on) VALUES (?, ?, ?, ?) RETURNING id",
                       {a.run_id, a.credit_code, a.reason, a.filed_on})
                   .rows[0][0]);
}

std::vector<AppealRow> ListAppeals(Connection& c, int64_t run_id) {
  auto rows = c.Query(std::string(kAppealColumns) + "WHERE run_id = ? ORDER BY id", {run_id});
  std::vector<AppealRow> out;
  for (const auto& v : rows.rows) out.push_back(AppealFrom(v));
  return out;
}

std::optional<AppealRow> GetAppeal(Connection& c, int64_t id) {
  auto rows = c.Query(std::string(kAppealColumns) + "WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return AppealFrom(rows.rows[0]);
}

bool UpdateAppeal(Connection& c, const AppealRow& a) {
  return c.Exec("UPDATE le_appeals SET state = ?, decision = ?, new_class = ?, decided_on = ?, version = version + 1 "
                "WHERE id = ? AND version = ?",
                {a.state, a.decision, a.new_class, OptText(a.decided_on), a.id, a.version}) == 1;
}

std::vector<PolicyRow> ListPolicies(Connection& c, const std::string& county) {
  auto rows = c.Query("SELECT class, land_mu, energy_tce, emission_t, note, version FROM le_policies WHERE county_code = ? "
                      "ORDER BY class",
                      {county});
  std::vector<PolicyRow> out;
  for (const auto& v : rows.rows) {
    out.push_back({AsText(v[0]), AsDouble(v[1]), AsDouble(v[2]), AsDouble(v[3]), AsText(v[4]), AsInt(v[5])});
  }
  return out;
}

void UpsertPolicy(Connection& c, const std::string& county, const PolicyRow& p) {
  if (c.Exec("UPDATE le_policies SET land_mu = ?, energy_tce = ?, emission_t = ?, note = ?, version = version + 1 "
             "WHERE county_code = ? AND class = ?",
             {p.land_mu, p.energy_tce, p.emission_t, p.note, county, p.klass}) == 0) {
    c.Exec("INSERT INTO le_policies (county_code, class, land_mu, energy_tce, emission_t, note) VALUES (?, ?, ?, ?, ?, ?)",
           {county, p.klass, p.land_mu, p.energy_tce, p.emission_t, p.note});
  }
}

void InsertPolicyLedger(Connection& c, int64_t run_id, const std::string& county, int year, const PolicyLedgerRow& r) {
  c.Exec("INSERT INTO le_policy_ledger (run_id, county_code, year, credit_code, name, class, surcharge_fen, land_mu, "
         "energy_tce, emission_t) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
         {run_id, county, int64_t{year}, r.credit_code, r.name, r.klass, Opt(r.surcharge_fen), r.land_mu, r.energy_tce,
          r.emission_t});
}

std::vector<PolicyLedgerRow> ListPolicyLedger(Connection& c, int64_t run_id) {
  auto rows = c.Query("SELECT credit_code, name, class, surcharge_fen, land_mu, energy_tce, emission_t FROM "
                      "le_policy_ledger WHERE run_id = ? ORDER BY id",
                      {run_id});
  std::vector<PolicyLedgerRow> out;
  for (const auto& v : rows.rows) {
    out.push_back({AsText(v[0]), AsText(v[1]), AsText(v[2]), AsOptInt(v[3]), AsDouble(v[4]), AsDouble(v[5]), AsDouble(v[6])});
  }
  return out;
}

}  // namespace gj::store
