#include "store/progress_store.h"

#include <cstdlib>

#include "store/project_store.h"
#include "store/row.h"
#include "store/table.h"

namespace gj::store {

namespace {

// ---- the tables, one column list each

const Table kReports{"progress_reports",
                     {"id", "project_id", "period", "frequency", "period_start", "period_end", "due_date", "status",
                      "investment_period", "investment_year", "src_central_budget", "src_special_bonds", "src_local_fiscal",
                      "src_enterprise", "src_bank_loan", "src_other", "visual_progress", "problems_raised", "workers",
                      "reopened", "late", "submitted_by", "submitted_at", "reviewed_by", "reviewed_at", "review_note",
                      "version", "created_at", "updated_at"}};
const Table kPhotos{"report_photos",
                    {"id", "report_id", "filename", "content_type", "size_bytes", "data_base64", "uploaded_by", "uploaded_at"}};
const Table kStops{"stop_requests",
                   {"id", "project_id", "kind", "reason", "effective_date", "status", "requested_by", "requested_at",
                    "decided_by", "decided_at", "decision_note", "version"}};
const Table kMonthlyPlans{"monthly_plans",
                          {"project_id", "year", "m01", "m02", "m03", "m04", "m05", "m06", "m07", "m08", "m09", "m10", "m11",
                           "m12", "version", "updated_at"}};
const Table kTargets{"targets",
                     {"id", "name", "region_code", "definition", "deadline", "archived", "version", "created_at", "updated_at"}};
const Table kSettings{"progress_settings", {"region_code", "light_rules", "report_policy", "version", "updated_at"}};
const Table kSnapshots{"light_snapshots", {"region_code", "period", "as_of", "project_id", "light", "reasons", "computed_at"}};

// The columns of ReportContent::by_source, in kFundingSources order.
constexpr const char* kSourceColumns[6] = {"src_central_budget", "src_special_bonds", "src_local_fiscal",
                                           "src_enterprise",     "src_bank_loan",     "src_other"};
// The columns of the twelve months of a plan, January first.
constexpr const char* kMonthColumns[12] = {"m01", "m02", "m03", "m04", "m05", "m06", "m07", "m08", "m09", "m10", "m11", "m12"};

ReportRecord ReportFrom(RowReader& r) {
  ReportRecord x;
  x.id = r.Int("id");
  x.project_id = r.Int("project_id");
  x.period = r.Text("period");
  x.frequency = r.Text("frequency");
  x.period_start = r.Date("period_start");
  x.period_end = r.Date("period_end");
  x.due = r.Date("due_date");
  x.status = r.Text("status");
  x.content.investment_period = r.Int("investment_period");
  x.content.investment_year = r.Int("investment_year");
  for (int i = 0; i < 6; ++i) x.content.by_source[i] = r.Int(kSourceColumns[i]);
  x.content.visual_progress = r.Text("visual_progress");
  x.content.problems_raised = r.Text("problems_raised");
  x.content.workers = static_cast<int>(r.Int("workers"));
  x.reopened = r.Bool("reopened");
  x.late = r.Bool("late");
  x.submitted_by = r.OptInt("submitted_by");
  x.submitted_at = r.Text("submitted_at");
  x.reviewed_by = r.OptInt("reviewed_by");
  x.reviewed_at = r.Text("reviewed_at");
  x.review_note = r.Text("review_note");
  x.version = r.Int("version");
  x.created_at = r.Text("created_at");
  x.updated_at = r.Text("updated_at");
  return x;
}

std::vector<ReportRecord> Reports(Connection& c, const std::string& where, const std::vector<Value>& params) {
  return ReadRows(c, "SELECT " + kReports.Select() + " FROM progress_reports " + where, params, ReportFrom);
}

// What a report update writes (the journal entry is the service's, over the content's JSON).
ColumnValues ReportValues(const ReportRecord& r) {
  ColumnValues v = {{"status", r.status},
                    {"investment_period", r.content.investment_period},
                    {"investment_year", r.content.investment_year}};
  for (int i = 0; i < 6; ++i) v.emplace_back(kSourceColumns[i], r.content.by_source[i]);
  v.insert(v.end(), {{"visual_progress", r.content.visual_progress},
                     {"problems_raised", r.content.problems_raised},
                     {"workers", int64_t{r.content.workers}},
                     {"reopened", int64_t{r.reopened}},
                     {"late", int64_t{r.late}},
                     {"submitted_by", Opt(r.submitted_by)},
                     {"submitted_at", NullIfEmpty(r.submitted_at)},
                     {"reviewed_by", Opt(r.reviewed_by)},
                     {"reviewed_at", NullIfEmpty(r.reviewed_at)},
                     {"review_note", r.review_note},
                     {"updated_at", r.updated_at}});
  return v;
}

StopRecord StopFrom(RowReader& r) {
  StopRecord s;
  s.id = r.Int("id");
  s.project_id = r.Int("project_id");
  s.kind = r.Text("kind");
  s.reason = r.Text("reason");
  s.effective_date = r.Date("effective_date");
  s.status = r.Text("status");
  s.requested_by = r.OptInt("requested_by");
  s.requested_at = r.Text("requested_at");
  s.decided_by = r.OptInt("decided_by");
  s.decided_at = r.Text("decided_at");
  s.decision_note = r.Text("decision_note");
  s.version = r.Int("version");
  return s;
}

std::vector<StopRecord> Stops(Connection& c, const std::string& where, const std::vector<Value>& params) {
  return ReadRows(c, "SELECT " + kStops.Select() + " FROM stop_requests " + where, params, StopFrom);
}

PhotoRecord PhotoFrom(RowReader& r) {
  PhotoRecord p;
  p.id = r.Int("id");
  p.report_id = r.Int("report_id");
  p.filename = r.Text("filename");
  p.content_type = r.Text("content_type");
  p.size_bytes = r.Int("size_bytes");
  p.data_base64 = r.Text("data_base64");
  p.uploaded_at = r.Text("uploaded_at");
  return p;
}

std::optional<targets::Target> TargetFrom(RowReader& r) {
  auto t = targets::TargetFromJson(nlohmann::json::parse(r.Text("definition")));
  if (!t) return std::nullopt;
  t->id = r.Int("id");
  t->name = r.Text("name");
  t->version = r.Int("version");
  return t.value();
}

std::vector<targets::Target> Targets(Connection& c, const std::string& where, const std::vector<Value>& params) {
  std::vector<targets::Target> out;
  ForEachRow(c, "SELECT id, name, definition, version FROM targets WHERE archived = 0" + where, params, [&](RowReader& r) {
    if (auto t = TargetFrom(r)) out.push_back(std::move(*t));
  });
  return out;
}

std::string Definition(const targets::Target& t) {
  auto j = targets::ToJson(t);
  j.erase("id");
  j.erase("version");
  return j.dump();
}

std::vector<int64_t> MonthsFrom(RowReader& r) {
  std::vector<int64_t> out;
  for (const char* m : kMonthColumns) out.push_back(r.Int(m));
  return out;
}

std::string MonthList() {
  std::string out;
  for (const char* m : kMonthColumns) out += std::string(", ") + m;
  return out;
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
  return InsertRow(c, kReports,
                   {{"project_id", project_id}, {"period", p.key}, {"frequency", p.frequency},
                    {"period_start", p.start.ToString()}, {"period_end", p.end.ToString()}, {"due_date", p.due.ToString()},
                    {"created_at", now}, {"updated_at", now}},
                   " ON CONFLICT (project_id, period) DO NOTHING") > 0;
}

bool UpdateReport(Connection& c, const ReportRecord& r, int64_t expected_version) {
  return UpdateVersioned(c, kReports, ReportValues(r), r.id, expected_version);
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
  const std::string sql = std::string("SELECT MAX(investment_year) AS total FROM progress_reports WHERE project_id = ? "
                                      "AND status IN ('submitted', 'approved') AND period_end < ? AND ") + kYearOfPeriod;
  return ReadOne(c, sql, {project_id, period_end.ToString(), YearKey(year)}, [](RowReader& r) { return r.OptInt("total"); })
      .value_or(std::nullopt);
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
  ForEachRow(c,
             "SELECT project_id, MAX(investment_year) AS total FROM progress_reports WHERE status IN ('submitted', 'approved') "
             "AND " + std::string(kYearOfPeriod) + " AND period_end <= ?" + scope + " GROUP BY project_id",
             p1, [&](RowReader& r) { out[r.Int("project_id")].filed_year_total = r.OptInt("total"); });
  // Newest first per project: count the run of unfiled periods up to the first filed one.
  std::vector<Value> p2 = {as_of.ToString(), window_from.ToString()};
  if (!county.empty()) p2.push_back(county);
  p2.insert(p2.end(), ids.begin(), ids.end());
  std::unordered_map<int64_t, bool> run_ended;
  ForEachRow(c,
             "SELECT project_id, status FROM progress_reports WHERE due_date < ? AND due_date >= ?" + scope +
                 " ORDER BY project_id, due_date DESC",
             p2, [&](RowReader& r) {
               const int64_t id = r.Int("project_id");
               if (run_ended[id]) return;
               const std::string st = r.Text("status");
               if (st == "submitted" || st == "approved") run_ended[id] = true;
               else ++out[id].consecutive_missing;
             });
  return out;
}

std::vector<supervision::ReportFact> ListReportFacts(Connection& c, const std::vector<std::string>& regions, const Date& due_from,
                                                     const Date& due_to) {
  std::vector<Value> params = {due_from.ToString(), due_to.ToString()};
  std::string sql =
      "SELECT r.id, r.project_id, r.due_date, r.status, r.submitted_at, r.late FROM progress_reports r "
      "JOIN projects pr ON pr.id = r.project_id WHERE r.due_date >= ? AND r.due_date <= ? AND pr.archived = 0";
  sql += RegionClause(regions, params) + " ORDER BY r.id";
  return ReadRows(c, sql, params, [](RowReader& r) {
    supervision::ReportFact f;
    f.id = r.Int("id");
    f.project_id = r.Int("project_id");
    f.due = r.Date("due_date");
    f.status = r.Text("status");
    if (const std::string at = r.Text("submitted_at"); !at.empty()) f.submitted_on = ChinaDayOfUtc(at);
    f.late = r.Bool("late");
    return f;
  });
}

int64_t InsertPhoto(Connection& c, const PhotoRecord& p, std::optional<int64_t> user) {
  return InsertReturningId(c, kPhotos,
                           {{"report_id", p.report_id}, {"filename", p.filename}, {"content_type", p.content_type},
                            {"size_bytes", p.size_bytes}, {"data_base64", p.data_base64}, {"uploaded_by", Opt(user)},
                            {"uploaded_at", p.uploaded_at}});
}

std::vector<PhotoRecord> PhotosOf(Connection& c, int64_t report_id, bool with_data) {
  const std::string data = with_data ? "data_base64" : "'' AS data_base64";
  return ReadRows(c,
                  "SELECT id, report_id, filename, content_type, size_bytes, " + data +
                      ", uploaded_at FROM report_photos WHERE report_id = ? ORDER BY id",
                  {report_id}, PhotoFrom);
}

std::optional<PhotoRecord> LoadPhoto(Connection& c, int64_t id) {
  return ReadOne(c, "SELECT " + kPhotos.Select() + " FROM report_photos WHERE id = ?", {id}, PhotoFrom);
}

int64_t InsertStop(Connection& c, const StopRecord& s) {
  return InsertReturningId(c, kStops,
                           {{"project_id", s.project_id}, {"kind", s.kind}, {"reason", s.reason},
                            {"effective_date", s.effective_date.ToString()}, {"status", s.status},
                            {"requested_by", Opt(s.requested_by)}, {"requested_at", s.requested_at}});
}

std::optional<StopRecord> LoadStop(Connection& c, int64_t id) {
  auto v = Stops(c, "WHERE id = ?", {id});
  if (v.empty()) return std::nullopt;
  return v[0];
}

bool UpdateStop(Connection& c, const StopRecord& s, int64_t expected_version) {
  return UpdateVersioned(c, kStops,
                         {{"status", s.status}, {"decided_by", Opt(s.decided_by)}, {"decided_at", NullIfEmpty(s.decided_at)},
                          {"decision_note", s.decision_note}},
                         s.id, expected_version);
}

std::vector<StopRecord> StopsOfProject(Connection& c, int64_t project_id) {
  return Stops(c, "WHERE project_id = ? ORDER BY id DESC", {project_id});
}

std::vector<StopRecord> PendingStops(Connection& c) { return Stops(c, "WHERE status = 'requested' ORDER BY id", {}); }

std::optional<MonthlyPlanRecord> LoadMonthlyPlan(Connection& c, int64_t project_id, int year) {
  return ReadOne(c, "SELECT version" + MonthList() + " FROM monthly_plans WHERE project_id = ? AND year = ?",
                 {project_id, int64_t{year}}, [&](RowReader& r) {
                   const int64_t version = r.Int("version");
                   return MonthlyPlanRecord{project_id, year, MonthsFrom(r), version};
                 });
}

bool SaveMonthlyPlan(Connection& c, const MonthlyPlanRecord& r, int64_t expected_version, const std::string& now) {
  ColumnValues values;
  for (size_t i = 0; i < 12; ++i) values.emplace_back(kMonthColumns[i], r.months.at(i));
  values.emplace_back("updated_at", now);
  const ColumnValues key = {{"project_id", r.project_id}, {"year", int64_t{r.year}}};
  if (expected_version != 0) return UpdateVersioned(c, kMonthlyPlans, values, key, expected_version);
  values.insert(values.begin(), key.begin(), key.end());
  values.emplace_back("version", int64_t{1});
  return InsertRow(c, kMonthlyPlans, values, " ON CONFLICT (project_id, year) DO NOTHING") == 1;
}

std::unordered_map<int64_t, std::vector<int64_t>> MonthlyPlansOf(Connection& c, int year, const std::vector<int64_t>& ids) {
  std::vector<Value> params = {int64_t{year}};
  std::string sql = "SELECT project_id" + MonthList() + " FROM monthly_plans WHERE year = ?";
  if (!ids.empty()) sql += " AND project_id IN (" + InList(ids, params) + ")";
  std::unordered_map<int64_t, std::vector<int64_t>> out;
  ForEachRow(c, sql, params, [&](RowReader& r) {
    const int64_t id = r.Int("project_id");
    out[id] = MonthsFrom(r);
  });
  return out;
}

std::unordered_map<int64_t, std::string> StoppedProjects(Connection& c, const Date& as_of) {
  std::unordered_map<int64_t, std::string> out;
  // Oldest first: a later approved request (stop or resume) overrides an earlier one.
  ForEachRow(c,
             "SELECT project_id, kind, reason FROM stop_requests WHERE status = 'approved' AND effective_date <= ? "
             "ORDER BY project_id, effective_date, id",
             {as_of.ToString()}, [&](RowReader& r) {
               const int64_t id = r.Int("project_id");
               if (r.Text("kind") == "stop") out[id] = r.Text("reason");
               else out.erase(id);
             });
  return out;
}

int64_t InsertTarget(Connection& c, const targets::Target& t, const std::string& now) {
  return InsertReturningId(c, kTargets,
                           {{"name", t.name}, {"region_code", t.region}, {"definition", Definition(t)},
                            {"deadline", t.deadline.ToString()}, {"version", int64_t{1}}, {"created_at", now},
                            {"updated_at", now}});
}

bool UpdateTarget(Connection& c, const targets::Target& t, int64_t expected_version, const std::string& now) {
  return UpdateVersioned(c, kTargets,
                         {{"name", t.name}, {"region_code", t.region}, {"definition", Definition(t)},
                          {"deadline", t.deadline.ToString()}, {"updated_at", now}},
                         t.id, expected_version, "archived = 0");
}

bool ArchiveTarget(Connection& c, int64_t id, int64_t expected_version, const std::string& now) {
  return UpdateVersioned(c, kTargets, {{"archived", int64_t{1}}, {"updated_at", now}}, id, expected_version, "archived = 0");
}

std::optional<targets::Target> LoadTarget(Connection& c, int64_t id) {
  auto v = Targets(c, " AND id = ?", {id});
  if (v.empty()) return std::nullopt;
  return v[0];
}

std::vector<targets::Target> LoadTargets(Connection& c) { return Targets(c, " ORDER BY deadline, id", {}); }

std::optional<SettingsRecord> LoadSettings(Connection& c, const std::string& region) {
  return ReadOne(c, "SELECT " + kSettings.Select() + " FROM progress_settings WHERE region_code = ?", {region}, [](RowReader& r) {
    SettingsRecord s;
    s.region_code = r.Text("region_code");
    s.light_rules = r.Text("light_rules");
    s.report_policy = r.Text("report_policy");
    s.version = r.Int("version");
    return s;
  });
}

void UpsertSettings(Connection& c, const SettingsRecord& s, const std::string& now) {
  Upsert(c, kSettings, {{"light_rules", s.light_rules}, {"report_policy", s.report_policy}, {"updated_at", now}},
         {{"region_code", s.region_code}}, /*bump_version=*/true);
}

int64_t SupervisionVersion(Connection& c) {
  return ReadOne(c, "SELECT version FROM supervision_version WHERE id = 1", {}, [](RowReader& r) { return r.Int("version"); })
      .value();
}

void BumpSupervisionVersion(Connection& c) { c.Exec("UPDATE supervision_version SET version = version + 1 WHERE id = 1"); }

void ReplaceSnapshot(Connection& c, const std::string& region, const std::string& period, const Date& as_of,
                     const std::vector<SnapshotRow>& rows, const std::string& now) {
  c.Exec("DELETE FROM light_snapshots WHERE region_code = ? AND period = ?", {region, period});
  for (const auto& r : rows) {
    InsertRow(c, kSnapshots,
              {{"region_code", region}, {"period", period}, {"as_of", as_of.ToString()}, {"project_id", r.project_id},
               {"light", r.light}, {"reasons", r.reasons_json}, {"computed_at", now}});
  }
}

std::vector<SnapshotRow> LoadSnapshot(Connection& c, const std::string& region, const std::string& period, std::string* as_of) {
  std::vector<SnapshotRow> out;
  ForEachRow(c,
             "SELECT project_id, light, reasons, as_of FROM light_snapshots WHERE region_code = ? AND period = ? ORDER BY project_id",
             {region, period}, [&](RowReader& r) {
               SnapshotRow row;
               row.project_id = r.Int("project_id");
               row.light = r.Text("light");
               row.reasons_json = r.Text("reasons");
               out.push_back(std::move(row));
               if (as_of) *as_of = r.Text("as_of");
             });
  return out;
}

}  // namespace gj::store
