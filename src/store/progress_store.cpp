#include "store/progress_store.h"

#include <cstdlib>

#include "store/project_store.h"

namespace gj::store {

namespace {

constexpr const char* kReportColumns =
    "id, project_id, period, frequency, period_start, period_end, due_date, status, investment_period, investment_year, "
    "src_central_budget, src_special_bonds, src_local_fiscal, src_enterprise, src_bank_loan, src_other, visual_progress, "
    "problems_raised, workers, reopened, late, submitted_by, submitted_at, reviewed_by, reviewed_at, review_note, version, "
    "created_at, updated_at";

Date D(const Value& v) { return ParseIsoDate(AsText(v)).value_or(Date{}); }

ReportRecord ReportFrom(const std::vector<Value>& r) {
  ReportRecord x;
  x.id = AsInt(r[0]);
  x.project_id = AsInt(r[1]);
  x.period = AsText(r[2]);
  x.frequency = AsText(r[3]);
  x.period_start = D(r[4]);
  x.period_end = D(r[5]);
  x.due = D(r[6]);
  x.status = AsText(r[7]);
  x.content.investment_period = AsInt(r[8]);
  x.content.investment_year = AsInt(r[9]);
  for (int i = 0; i < 6; ++i) x.content.by_source[i] = AsInt(r[10 + i]);
  x.content.visual_progress = AsText(r[16]);
  x.content.problems_raised = AsText(r[17]);
  x.content.workers = static_cast<int>(AsInt(r[18]));
  x.reopened = AsInt(r[19]) != 0;
  x.late = AsInt(r[20]) != 0;
  x.submitted_by = AsOptInt(r[21]);
  x.submitted_at = AsText(r[22]);
  x.reviewed_by = AsOptInt(r[23]);
  x.reviewed_at = AsText(r[24]);
  x.review_note = AsText(r[25]);
  x.version = AsInt(r[26]);
  x.created_at = AsText(r[27]);
  x.updated_at = AsText(r[28]);
  return x;
}

std::vector<ReportRecord> Reports(Connection& c, const std::string& where, const std::vector<Value>& params) {
  std::vector<ReportRecord> out;
  for (const auto& r : c.Query(std::string("SELECT ") + kReportColumns + " FROM progress_reports " + where, params).rows) {
    out.push_back(ReportFrom(r));
  }
  return out;
}

Value OptText(const std::string& s) { return s.empty() ? Null() : Value(s); }

StopRecord StopFrom(const std::vector<Value>& r) {
  StopRecord s;
  s.id = AsInt(r[0]);
  s.project_id = AsInt(r[1]);
  s.kind = AsText(r[2]);
  s.reason = AsText(r[3]);
  s.effective_date = D(r[4]);
  s.status = AsText(r[5]);
  s.requested_by = AsOptInt(r[6]);
  s.requested_at = AsText(r[7]);
  s.decided_by = AsOptInt(r[8]);
  s.decided_at = AsText(r[9]);
  s.decision_note = AsText(r[10]);
  s.version = AsInt(r[11]);
  return s;
}

constexpr const char* kStopColumns =
    "id, project_id, kind, reason, effective_date, status, requested_by, requested_at, decided_by, decided_at, decision_note, version";

std::optional<targets::Target> TargetFrom(const std::vector<Value>& r) {
  auto t = targets::TargetFromJson(nlohmann::json::parse(AsText(r[2])));
  if (!t) return std::nullopt;
  t->id = AsInt(r[0]);
  t->name = AsText(r[1]);
  t->version = AsInt(r[3]);
  return t.value();
}

std::string Definition(const targets::Target& t) {
  auto j = targets::ToJson(t);
  j.erase("id");
  j.erase("version");
  return j.dump();
}

}  // namespace

std::optional<ReportRecord> LoadReport(Connection& c, int64_t id) {
  auto v = Reports(c, "WHERE id = ?", {id});
  if (v.empty()) return std::nullopt;
  return v[0];
}

std::optional<ReportRecord> LoadReportOf(Connection& c, int64_t project_id, const std::string& period) {
  auto v = Reports(c, "WHERE project_id = ? AND period = ?", {project_id, period});
  if (v.empty()) return std::nullopt;
  return v[0];
}

std::vector<ReportRecord> ReportsOfPeriod(Connection& c, const std::string& period) {
  return Reports(c, "WHERE period = ? ORDER BY project_id", {period});
}

std::vector<ReportRecord> ReportsOfProject(Connection& c, int64_t project_id) {
  return Reports(c, "WHERE project_id = ? ORDER BY period_end DESC", {project_id});
}

bool InsertReportTask(Connection& c, int64_t project_id, const supervision::Period& p, const std::string& now) {
  return c.Exec("INSERT INTO progress_reports (project_id, period, frequency, period_start, period_end, due_date, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (project_id, period) DO NOTHING",
                {project_id, p.key, p.frequency, p.start.ToString(), p.end.ToString(), p.due.ToString(), now, now}) > 0;
}

bool UpdateReport(Connection& c, const ReportRecord& r, int64_t expected_version) {
  std::vector<Value> v = {r.status, r.content.investment_period, r.content.investment_year};
  for (auto s : r.content.by_source) v.push_back(s);
  v.insert(v.end(), {r.content.visual_progress, r.content.problems_raised, int64_t{r.content.workers}, int64_t{r.reopened},
                     int64_t{r.late}, Opt(r.submitted_by), OptText(r.submitted_at), Opt(r.reviewed_by), OptText(r.reviewed_at),
                     r.review_note, r.version, r.updated_at, r.id, expected_version});
  return c.Exec("UPDATE progress_reports SET status = ?, investment_period = ?, investment_year = ?, src_central_budget = ?, "
                "src_special_bonds = ?, src_local_fiscal = ?, src_enterprise = ?, src_bank_loan = ?, src_other = ?, "
                "visual_progress = ?, problems_raised = ?, workers = ?, reopened = ?, late = ?, submitted_by = ?, submitted_at = ?, "
                "reviewed_by = ?, reviewed_at = ?, review_note = ?, version = ?, updated_at = ? WHERE id = ? AND version = ?",
                v) == 1;
}

namespace {
// A report's cumulative figure is of its period's year, the year its key names: week 2026-W53
// (2026-12-28 … 2027-01-03) counts towards 2026, 2027-W01 starts 2027 afresh. The condition is
// on the key's first five characters ("2026-"), whatever the frequency; substr, not a range, so
// no database collation can reorder '-'.
constexpr const char* kYearOfPeriod = "substr(period, 1, 5) = ?";
Value YearKey(int year) { return std::to_string(year) + "-"; }
}  // namespace

std::optional<int64_t> PreviousYearTotal(Connection& c, int64_t project_id, const std::string& period_key, const Date& period_end) {
  const int year = period_key.size() >= 4 ? std::atoi(period_key.substr(0, 4).c_str()) : period_end.year;
  auto rows = c.Query(std::string("SELECT MAX(investment_year) FROM progress_reports WHERE project_id = ? AND status IN ('submitted', 'approved') "
                                  "AND period_end < ? AND ") + kYearOfPeriod,
                      {project_id, period_end.ToString(), YearKey(year)});
  return AsOptInt(rows.rows.at(0).at(0));
}

std::unordered_map<int64_t, ReportFacts> LoadReportFacts(Connection& c, const Date& as_of, const Date& window_from,
                                                         const std::string& county, const std::vector<int64_t>& project_ids) {
  std::unordered_map<int64_t, ReportFacts> out;
  // A county's board reads only its projects' reports (the index leads with project_id).
  std::string scope = county.empty() ? "" : " AND project_id IN (SELECT id FROM projects WHERE county_code = ?)";
  std::vector<Value> ids;
  if (!project_ids.empty()) scope += " AND project_id IN (" + InList(project_ids, ids) + ")";
  // This year's figures: periods of as_of's year (by their key) that ended by as_of.
  std::vector<Value> p1 = {YearKey(as_of.year), as_of.ToString()};
  if (!county.empty()) p1.push_back(county);
  p1.insert(p1.end(), ids.begin(), ids.end());
  for (const auto& r : c.Query("SELECT project_id, MAX(investment_year) FROM progress_reports WHERE status IN ('submitted', 'approved') "
                               "AND " + std::string(kYearOfPeriod) + " AND period_end <= ?" + scope + " GROUP BY project_id",
                               p1)
                          .rows) {
    out[AsInt(r[0])].filed_year_total = AsOptInt(r[1]);
  }
  // Newest first per project: count the run of unfiled periods up to the first filed one.
  std::vector<Value> p2 = {as_of.ToString(), window_from.ToString()};
  if (!county.empty()) p2.push_back(county);
  p2.insert(p2.end(), ids.begin(), ids.end());
  std::unordered_map<int64_t, bool> run_ended;
  for (const auto& r : c.Query("SELECT project_id, status FROM progress_reports WHERE due_date < ? AND due_date >= ?" + scope +
                                   " ORDER BY project_id, due_date DESC",
                               p2)
                          .rows) {
    const int64_t id = AsInt(r[0]);
    if (run_ended[id]) continue;
    const std::string st = AsText(r[1]);
    if (st == "submitted" || st == "approved") run_ended[id] = true;
    else ++out[id].consecutive_missing;
  }
  return out;
}

std::vector<supervision::ReportFact> ListReportFacts(Connection& c, const std::vector<std::string>& regions, const Date& due_from,
                                                     const Date& due_to) {
  std::vector<Value> params = {due_from.ToString(), due_to.ToString()};
  std::string sql =
      "SELECT r.id, r.project_id, r.due_date, r.status, r.submitted_at, r.late FROM progress_reports r "
      "JOIN projects pr ON pr.id = r.project_id WHERE r.due_date >= ? AND r.due_date <= ? AND pr.archived = 0";
  sql += RegionClause(regions, params) + " ORDER BY r.id";
  std::vector<supervision::ReportFact> out;
  for (const auto& r : c.Query(sql, params).rows) {
    supervision::ReportFact f;
    f.id = AsInt(r[0]);
    f.project_id = AsInt(r[1]);
    f.due = D(r[2]);
    f.status = AsText(r[3]);
    if (auto at = AsOptText(r[4]); at && !at->empty()) f.submitted_on = ChinaDayOfUtc(*at);
    f.late = AsInt(r[5]) != 0;
    out.push_back(std::move(f));
  }
  return out;
}

int64_t InsertPhoto(Connection& c, const PhotoRecord& p, std::optional<int64_t> user) {
  return AsInt(c.Query("INSERT INTO report_photos (report_id, filename, content_type, size_bytes, data_base64, uploaded_by, uploaded_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                       {p.report_id, p.filename, p.content_type, p.size_bytes, p.data_base64, Opt(user), p.uploaded_at})
                   .rows.at(0).at(0));
}

std::vector<PhotoRecord> PhotosOf(Connection& c, int64_t report_id, bool with_data) {
  std::vector<PhotoRecord> out;
  const std::string data = with_data ? "data_base64" : "''";
  for (const auto& r : c.Query("SELECT id, report_id, filename, content_type, size_bytes, " + data +
                                   ", uploaded_at FROM report_photos WHERE report_id = ? ORDER BY id",
                               {report_id})
                           .rows) {
    out.push_back({AsInt(r[0]), AsInt(r[1]), AsText(r[2]), AsText(r[3]), AsInt(r[4]), AsText(r[5]), AsText(r[6])});
  }
  return out;
}

std::optional<PhotoRecord> LoadPhoto(Connection& c, int64_t id) {
  auto rows = c.Query("SELECT id, report_id, filename, content_type, size_bytes, data_base64, uploaded_at FROM report_photos WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  const auto& r = rows.rows[0];
  return PhotoRecord{AsInt(r[0]), AsInt(r[1]), AsText(r[2]), AsText(r[3]), AsInt(r[4]), AsText(r[5]), AsText(r[6])};
}

int64_t InsertStop(Connection& c, const StopRecord& s) {
  return AsInt(c.Query("INSERT INTO stop_requests (project_id, kind, reason, effective_date, status, requested_by, requested_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                       {s.project_id, s.kind, s.reason, s.effective_date.ToString(), s.status, Opt(s.requested_by), s.requested_at})
                   .rows.at(0).at(0));
}

std::optional<StopRecord> LoadStop(Connection& c, int64_t id) {
  auto rows = c.Query(std::string("SELECT ") + kStopColumns + " FROM stop_requests WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return StopFrom(rows.rows[0]);
}

bool UpdateStop(Connection& c, const StopRecord& s, int64_t expected_version) {
  return c.Exec("UPDATE stop_requests SET status = ?, decided_by = ?, decided_at = ?, decision_note = ?, version = ? WHERE id = ? AND version = ?",
                {s.status, Opt(s.decided_by), OptText(s.decided_at), s.decision_note, s.version, s.id, expected_version}) == 1;
}

std::vector<StopRecord> StopsOfProject(Connection& c, int64_t project_id) {
  std::vector<StopRecord> out;
  for (const auto& r : c.Query(std::string("SELECT ") + kStopColumns + " FROM stop_requests WHERE project_id = ? ORDER BY id DESC", {project_id}).rows) {
    out.push_back(StopFrom(r));
  }
  return out;
}

std::vector<StopRecord> PendingStops(Connection& c) {
  std::vector<StopRecord> out;
  for (const auto& r : c.Query(std::string("SELECT ") + kStopColumns + " FROM stop_requests WHERE status = 'requested' ORDER BY id").rows) {
    out.push_back(StopFrom(r));
  }
  return out;
}

namespace {
const char* const kMonthColumns = "m01, m02, m03, m04, m05, m06, m07, m08, m09, m10, m11, m12";
std::vector<int64_t> MonthsFrom(const std::vector<Value>& row, size_t first) {
  std::vector<int64_t> out;
  for (size_t i = 0; i < 12; ++i) out.push_back(AsInt(row[first + i]));
  return out;
}
}  // namespace

std::optional<MonthlyPlanRecord> LoadMonthlyPlan(Connection& c, int64_t project_id, int year) {
  auto rows = c.Query(std::string("SELECT version, ") + kMonthColumns + " FROM monthly_plans WHERE project_id = ? AND year = ?",
                      {project_id, int64_t{year}});
  if (rows.empty()) return std::nullopt;
  return MonthlyPlanRecord{project_id, year, MonthsFrom(rows.rows[0], 1), AsInt(rows.rows[0][0])};
}

bool SaveMonthlyPlan(Connection& c, const MonthlyPlanRecord& r, int64_t expected_version, const std::string& now) {
  std::vector<Value> months(r.months.begin(), r.months.end());
  if (expected_version == 0) {
    std::vector<Value> params = {r.project_id, int64_t{r.year}};
    params.insert(params.end(), months.begin(), months.end());
    params.push_back(now);
    return c.Exec(std::string("INSERT INTO monthly_plans (project_id, year, ") + kMonthColumns +
                      ", version, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?) ON CONFLICT (project_id, year) DO NOTHING",
                  params) == 1;
  }
  std::vector<Value> params = months;
  params.insert(params.end(), {now, r.project_id, int64_t{r.year}, expected_version});
  return c.Exec("UPDATE monthly_plans SET m01 = ?, m02 = ?, m03 = ?, m04 = ?, m05 = ?, m06 = ?, m07 = ?, m08 = ?, m09 = ?, m10 = ?, "
                "m11 = ?, m12 = ?, updated_at = ?, version = version + 1 WHERE project_id = ? AND year = ? AND version = ?",
                params) == 1;
}

std::unordered_map<int64_t, std::vector<int64_t>> MonthlyPlansOf(Connection& c, int year, const std::vector<int64_t>& ids) {
  std::vector<Value> params = {int64_t{year}};
  std::string sql = std::string("SELECT project_id, ") + kMonthColumns + " FROM monthly_plans WHERE year = ?";
  if (!ids.empty()) sql += " AND project_id IN (" + InList(ids, params) + ")";
  std::unordered_map<int64_t, std::vector<int64_t>> out;
  for (const auto& r : c.Query(sql, params).rows) out[AsInt(r[0])] = MonthsFrom(r, 1);
  return out;
}

std::unordered_map<int64_t, std::string> StoppedProjects(Connection& c, const Date& as_of) {
  std::unordered_map<int64_t, std::string> out;
  // Oldest first: a later approved request (stop or resume) overrides an earlier one.
  for (const auto& r : c.Query("SELECT project_id, kind, reason FROM stop_requests WHERE status = 'approved' AND effective_date <= ? "
                               "ORDER BY project_id, effective_date, id",
                               {as_of.ToString()})
                          .rows) {
    const int64_t id = AsInt(r[0]);
    if (AsText(r[1]) == "stop") out[id] = AsText(r[2]);
    else out.erase(id);
  }
  return out;
}

int64_t InsertTarget(Connection& c, const targets::Target& t, const std::string& now) {
  return AsInt(c.Query("INSERT INTO targets (name, region_code, definition, deadline, version, created_at, updated_at) "
                       "VALUES (?, ?, ?, ?, 1, ?, ?) RETURNING id",
                       {t.name, t.region, Definition(t), t.deadline.ToString(), now, now})
                   .rows.at(0).at(0));
}

bool UpdateTarget(Connection& c, const targets::Target& t, int64_t expected_version, const std::string& now) {
  return c.Exec("UPDATE targets SET name = ?, region_code = ?, definition = ?, deadline = ?, version = version + 1, updated_at = ? "
                "WHERE id = ? AND version = ? AND archived = 0",
                {t.name, t.region, Definition(t), t.deadline.ToString(), now, t.id, expected_version}) == 1;
}

bool ArchiveTarget(Connection& c, int64_t id, int64_t expected_version, const std::string& now) {
  return c.Exec("UPDATE targets SET archived = 1, version = version + 1, updated_at = ? WHERE id = ? AND version = ? AND archived = 0",
                {now, id, expected_version}) == 1;
}

std::optional<targets::Target> LoadTarget(Connection& c, int64_t id) {
  auto rows = c.Query("SELECT id, name, definition, version FROM targets WHERE id = ? AND archived = 0", {id});
  if (rows.empty()) return std::nullopt;
  return TargetFrom(rows.rows[0]);
}

std::vector<targets::Target> LoadTargets(Connection& c) {
  std::vector<targets::Target> out;
  for (const auto& r : c.Query("SELECT id, name, definition, version FROM targets WHERE archived = 0 ORDER BY deadline, id").rows) {
    if (auto t = TargetFrom(r)) out.push_back(*t);
  }
  return out;
}

std::optional<SettingsRecord> LoadSettings(Connection& c, const std::string& region) {
  auto rows = c.Query("SELECT region_code, light_rules, report_policy, version FROM progress_settings WHERE region_code = ?", {region});
  if (rows.empty()) return std::nullopt;
  const auto& r = rows.rows[0];
  return SettingsRecord{AsText(r[0]), AsText(r[1]), AsText(r[2]), AsInt(r[3])};
}

void UpsertSettings(Connection& c, const SettingsRecord& s, const std::string& now) {
  if (c.Exec("UPDATE progress_settings SET light_rules = ?, report_policy = ?, version = version + 1, updated_at = ? WHERE region_code = ?",
             {s.light_rules, s.report_policy, now, s.region_code}) == 0) {
    c.Exec("INSERT INTO progress_settings (region_code, light_rules, report_policy, version, updated_at) VALUES (?, ?, ?, 1, ?)",
           {s.region_code, s.light_rules, s.report_policy, now});
  }
}

int64_t SupervisionVersion(Connection& c) {
  return AsInt(c.Query("SELECT version FROM supervision_version WHERE id = 1").rows.at(0).at(0));
}

void BumpSupervisionVersion(Connection& c) { c.Exec("UPDATE supervision_version SET version = version + 1 WHERE id = 1"); }

void ReplaceSnapshot(Connection& c, const std::string& region, const std::string& period, const Date& as_of,
                     const std::vector<SnapshotRow>& rows, const std::string& now) {
  c.Exec("DELETE FROM light_snapshots WHERE region_code = ? AND period = ?", {region, period});
  for (const auto& r : rows) {
    c.Exec("INSERT INTO light_snapshots (region_code, period, as_of, project_id, light, reasons, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
           {region, period, as_of.ToString(), r.project_id, r.light, r.reasons_json, now});
  }
}

std::vector<SnapshotRow> LoadSnapshot(Connection& c, const std::string& region, const std::string& period, std::string* as_of) {
  std::vector<SnapshotRow> out;
  for (const auto& r : c.Query("SELECT project_id, light, reasons, as_of FROM light_snapshots WHERE region_code = ? AND period = ? ORDER BY project_id",
                               {region, period})
                           .rows) {
    out.push_back({AsInt(r[0]), AsText(r[1]), AsText(r[2])});
    if (as_of) *as_of = AsText(r[3]);
  }
  return out;
}

}  // namespace gj::store
