#include "store/progress_store.h"

#include <cstdlib>
#include <map>

#include "common/json_limits.h"
#include "store/fields.h"
#include "store/journal.h"
#include "store/project_store.h"

namespace gj::store {

namespace {

// ---- the tables: one field list each, and the columns written beside the record

// The columns of ReportContent::by_source, in kFundingSources order.
constexpr const char* kSourceColumns[6] = {"src_central_budget", "src_special_bonds", "src_local_fiscal",
                                           "src_enterprise",     "src_bank_loan",     "src_other"};
// The columns of the twelve months of a plan, January first.
constexpr const char* kMonthColumns[12] = {"m01", "m02", "m03", "m04", "m05", "m06",
                                           "m07", "m08", "m09", "m10", "m11", "m12"};

// A plan row: its key, the twelve months, its version and stamp.
Table MonthlyPlansTable() {
  Table t{"monthly_plans", {"project_id", "year"}};
  for (const char* m : kMonthColumns) t.Add(m);
  return t.With({"version", "updated_at"});
}
const Table kMonthlyPlans = MonthlyPlansTable();

// The field of by_source[kI], in column kSourceColumns[kI] (a member path cannot index).
template <int kI>
Field<ReportRecord> SourceField() {
  Field<ReportRecord> f;
  f.column = kSourceColumns[kI];
  f.get = [](const ReportRecord& x) -> Value { return x.content.by_source[kI]; };
  f.read = [](RowReader& r, std::string_view column, ReportRecord& x) {
    x.content.by_source[kI] = r.Int(column);
  };
  return f;
}

using RR = ReportRecord;
// A report's fields. A task is created from its period (InsertReportTask); an update writes the
// rest (the journal entry is the service's, over the content's JSON).
const Fields<RR> kReportFields =
    GJ_COLUMNS(RR, id, project_id, period, frequency, period_start, period_end)
        .And(Col<&RR::due>("due_date"))
        .And(GJ_COLUMNS(RR, status))
        .And(GJ_COLUMNS_IN(RR::content, investment_period, investment_year))
        .And(FieldsOf({SourceField<0>(), SourceField<1>(), SourceField<2>(), SourceField<3>(),
                       SourceField<4>(), SourceField<5>()}))
        .And(GJ_COLUMNS_IN(RR::content, visual_progress, problems_raised, workers))
        .And(GJ_COLUMNS(RR, reopened, late, submitted_by, submitted_at, reviewed_by, reviewed_at, review_note,
                        version, created_at, updated_at))
        .ReadOnly({"id", "version"})
        .OnInsert(
            {"project_id", "period", "frequency", "period_start", "period_end", "due_date", "created_at"})
        .OrNull({"submitted_at", "reviewed_at"});

// A stop request is filed with its grounds; the decision fields keep their defaults until decided.
const Fields<StopRecord> kStopFields =
    GJ_COLUMNS(StopRecord, id, project_id, kind, reason, effective_date, status, requested_by, requested_at,
               decided_by, decided_at, decision_note, version)
        .ReadOnly({"id", "version"})
        .OnInsert({"project_id", "kind", "reason", "effective_date", "requested_by", "requested_at"})
        .OnUpdate({"decided_by", "decided_at", "decision_note"})
        .OrNull({"decided_at"});

const Fields<PhotoRecord> kPhotoFields =
    GJ_COLUMNS(PhotoRecord, id, report_id, filename, content_type, size_bytes, data_base64, uploaded_at)
        .ReadOnly({"id"});

const Fields<SettingsRecord> kSettingsFields =
    GJ_COLUMNS(SettingsRecord, region_code, light_rules, report_policy, version)
        .OnInsert({"region_code"})
        .ReadOnly({"version"});

const Fields<SnapshotRow> kSnapshotFields =
    GJ_COLUMNS(SnapshotRow, project_id, light).And(Col<&SnapshotRow::reasons_json>("reasons"));

const Fields<supervision::ReportFact> kReportFactFields =
    GJ_COLUMNS(supervision::ReportFact, id, project_id)
        .And(Col<&supervision::ReportFact::due>("due_date"))
        .And(GJ_COLUMNS(supervision::ReportFact, status, late));

const Table kReports = TableOf("progress_reports", kReportFields);
const Table kPhotos = TableOf("report_photos", kPhotoFields).With({"uploaded_by"});
const Table kStops = TableOf("stop_requests", kStopFields);
const Table kSettings = TableOf("progress_settings", kSettingsFields).With({"updated_at"});
const Table kSnapshots =
    TableOf("light_snapshots", kSnapshotFields).With({"region_code", "period", "as_of", "computed_at"});

std::vector<ReportRecord> Reports(Connection& c, const std::string& where, const std::vector<Value>& params) {
  return ReadRows(c, "SELECT " + kReports.Select() + " FROM progress_reports " + where, params,
                  RecordOf(kReportFields));
}

std::vector<StopRecord> Stops(Connection& c, const std::string& where, const std::vector<Value>& params) {
  return ReadRows(c, "SELECT " + kStops.Select() + " FROM stop_requests " + where, params,
                  RecordOf(kStopFields));
}

std::optional<targets::Target> TargetFrom(RowReader& r) {
  auto t = targets::TargetFromJson(ParseStoredJson(r.Text("definition")), /*stored=*/true);
  if (!t) return std::nullopt;
  t->id = r.Int("id");
  t->name = r.Text("name");
  t->version = r.Int("version");
  return t.value();
}

std::vector<targets::Target> Targets(Connection& c, const access::ReadScope& scope, const std::string& where,
                                     const std::vector<Value>& params) {
  std::vector<targets::Target> out;
  ForEachRow(c, "SELECT id, name, definition, version FROM targets WHERE archived = 0" + where, params,
             [&](RowReader& r) {
               auto t = TargetFrom(r);
               if (t && scope.ContainsRegion(t->region)) out.push_back(std::move(*t));
             });
  return out;
}

std::string Definition(const targets::Target& t) {
  auto j = targets::ToJson(t);
  j.erase("id");
  j.erase("version");
  return j.dump();
}

// What a target's insert and update write (a target is read back from its definition).
const Fields<targets::Target> kTargetFields = {
    Col<&targets::Target::name>("name"),
    Col<&targets::Target::region>("region_code"),
    {"definition", [](const targets::Target& t) -> Value { return Definition(t); }},
    Col<&targets::Target::deadline>("deadline"),
};
const Table kTargets =
    TableOf("targets", kTargetFields).With({"id", "archived", "version", "created_at", "updated_at"});

std::string JoinedCategories(const targets::Target& t) {
  std::string out;
  for (const auto& c : t.categories) out += (out.empty() ? "" : ",") + c;
  return out;
}

// What the journal shows of a target: every field of its definition, named as in its JSON.
const Fields<targets::Target> kTargetJournalFields =
    GJ_COLUMNS(targets::Target, name, region)
        .And({"categories", [](const targets::Target& t) -> Value { return JoinedCategories(t); }})
        .And(GJ_COLUMNS(targets::Target, track, kind, level, metric, stage, amount, comparator, threshold,
                        deadline));

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

std::optional<ReportRecord> LoadReport(Connection& c, const access::ReadScope& scope, int64_t id) {
  std::vector<Value> params{id};
  const std::string in_scope = ProjectOfRowInScope(scope, params, "project_id");
  auto v = Reports(c, "WHERE id = ?" + in_scope, params);
  if (v.empty()) return std::nullopt;
  return v[0];
}

std::optional<ReportRecord> LoadReportOf(Connection& c, const access::ReadScope& scope, int64_t project_id,
                                         const std::string& period) {
  std::vector<Value> params{project_id, period};
  const std::string in_scope = ProjectOfRowInScope(scope, params, "project_id");
  auto v = Reports(c, "WHERE project_id = ? AND period = ?" + in_scope, params);
  if (v.empty()) return std::nullopt;
  return v[0];
}

std::vector<ReportRecord> ReportsOfPeriod(Connection& c, const access::ReadScope& scope,
                                          const std::string& period) {
  std::vector<Value> params{period};
  const std::string in_scope = ProjectOfRowInScope(scope, params, "project_id");
  return Reports(c, "WHERE period = ?" + in_scope + " ORDER BY project_id", params);
}

std::vector<ReportRecord> ReportsOfProject(Connection& c, const access::ReadScope& scope,
                                           int64_t project_id) {
  std::vector<Value> params{project_id};
  const std::string in_scope = ProjectOfRowInScope(scope, params, "project_id");
  return Reports(c, "WHERE project_id = ?" + in_scope + " ORDER BY period_end DESC", params);
}

bool InsertReportTask(Connection& c, int64_t project_id, const supervision::Period& p,
                      const std::string& now) {
  return InsertRow(c, kReports,
                   {{"project_id", project_id},
                    {"period", p.key},
                    {"frequency", p.frequency},
                    {"period_start", p.start.ToString()},
                    {"period_end", p.end.ToString()},
                    {"due_date", p.due.ToString()},
                    {"created_at", now},
                    {"updated_at", now}},
                   " ON CONFLICT (project_id, period) DO NOTHING") > 0;
}

Status UpdateReport(Connection& c, const ReportRecord& r, int64_t expected_version) {
  return UpdateVersioned(c, kReports, "report", ValuesOf(kReportFields, r), r.id, expected_version);
}

namespace {
// A report's cumulative figure is of its period's year, the year its key names: week 2026-W53
// (2026-12-28 … 2027-01-03) counts towards 2026, 2027-W01 starts 2027 afresh. The condition is
// on the key's first five characters ("2026-"), whatever the frequency; substr, not a range, so
// no database collation can reorder '-'.
constexpr const char* kYearOfPeriod = "substr(period, 1, 5) = ?";
// Filed (submitted or approved). `status || ''` keeps the IN list out of the index seek: SQLite
// 3.40.1 (Debian 12), seeking progress_reports_filed (project_id, status, period_end, …) with the IN
// list and a range on period_end, answers MAX() from rows outside the range once ANALYZE has run
// (a report counted as its own previous figure). The index still serves project_id.
constexpr const char* kFiled = "status || '' IN ('submitted', 'approved')";
Value YearKey(int year) { return std::to_string(year) + "-"; }
}  // namespace

std::optional<int64_t> PreviousYearTotal(Connection& c, int64_t project_id, const std::string& period_key,
                                         const Date& period_end) {
  const int year = period_key.size() >= 4 ? std::atoi(period_key.substr(0, 4).c_str()) : period_end.year;
  const std::string sql =
      std::string(
          "SELECT MAX(investment_year) AS total FROM progress_reports WHERE project_id = ? "
          "AND ") +
      kFiled + " AND period_end < ? AND " + kYearOfPeriod;
  return ReadOne(c, sql, {project_id, period_end.ToString(), YearKey(year)},
                 [](RowReader& r) { return r.OptInt("total"); })
      .value_or(std::nullopt);
}

std::unordered_map<int64_t, ReportFacts> LoadReportFacts(Connection& c, const access::ReadScope& read_scope,
                                                         const Date& as_of, const Date& window_from,
                                                         const std::vector<int64_t>& project_ids) {
  std::unordered_map<int64_t, ReportFacts> out;
  // A board reads only its scope's projects' reports (the index leads with project_id).
  std::vector<Value> ids;
  std::string scope = ProjectOfRowInScope(read_scope, ids, "project_id");
  if (!project_ids.empty()) scope += " AND project_id IN (" + InList(project_ids, ids) + ")";
  // This year's figures: periods of as_of's year (by their key) that ended by as_of.
  std::vector<Value> p1 = {YearKey(as_of.year), as_of.ToString()};
  p1.insert(p1.end(), ids.begin(), ids.end());
  ForEachRow(c,
             "SELECT project_id, MAX(investment_year) AS total FROM progress_reports WHERE " +
                 std::string(kFiled) + " AND " + kYearOfPeriod + " AND period_end <= ?" + scope +
                 " GROUP BY project_id",
             p1, [&](RowReader& r) { out[r.Int("project_id")].filed_year_total = r.OptInt("total"); });
  // The run of unfiled periods since each project's latest filed one. Read oldest first in the
  // order of the due-date index (no sort of the window's rows: 600,000 at 100,000 projects): a
  // filed report ends the run so far, an unfiled one lengthens it.
  std::vector<Value> p2 = {as_of.ToString(), window_from.ToString()};
  p2.insert(p2.end(), ids.begin(), ids.end());
  ForEachRow(c,
             "SELECT project_id, status FROM progress_reports WHERE due_date < ? AND due_date >= ?" + scope +
                 " ORDER BY due_date",
             p2, [&](RowReader& r) {
               const std::string st = r.Text("status");
               auto& facts = out[r.Int("project_id")];
               if (st == "submitted" || st == "approved") facts.consecutive_missing = 0;
               else ++facts.consecutive_missing;
             });
  return out;
}

std::vector<supervision::ReportFact> ListReportFacts(Connection& c, const access::ReadScope& scope,
                                                     const Date& due_from, const Date& due_to) {
  std::vector<Value> params = {due_from.ToString(), due_to.ToString()};
  std::string sql =
      "SELECT r.id, r.project_id, r.due_date, r.status, r.submitted_at, r.late FROM progress_reports r "
      "JOIN projects pr ON pr.id = r.project_id WHERE r.due_date >= ? AND r.due_date <= ? AND pr.archived = 0";
  sql += ScopeClause(scope, params) + " ORDER BY r.id";
  return ReadRows(c, sql, params, [](RowReader& r) {
    supervision::ReportFact f = RecordOf(kReportFactFields)(r);
    if (const std::string at = r.Text("submitted_at"); !at.empty()) f.submitted_on = ChinaDayOfUtc(at);
    return f;
  });
}

int64_t InsertPhoto(Connection& c, const PhotoRecord& p, std::optional<int64_t> user) {
  ColumnValues values = InsertValuesOf(kPhotoFields, p);
  values.emplace_back("uploaded_by", Opt(user));
  return InsertReturningId(c, kPhotos, values);
}

std::vector<PhotoRecord> PhotosOf(Connection& c, const access::ReadScope& scope, int64_t report_id,
                                  bool with_data) {
  const std::string data = with_data ? "data_base64" : "'' AS data_base64";
  std::vector<Value> params = {report_id};
  const std::string in_scope = ParentInScope(scope, params, "report_id", "progress_reports");
  return ReadRows(c,
                  "SELECT id, report_id, filename, content_type, size_bytes, " + data +
                      ", uploaded_at FROM report_photos WHERE report_id = ?" + in_scope + " ORDER BY id",
                  params, RecordOf(kPhotoFields));
}

std::optional<PhotoRecord> LoadPhoto(Connection& c, const access::ReadScope& scope, int64_t id) {
  std::vector<Value> params = {id};
  const std::string in_scope = ParentInScope(scope, params, "report_id", "progress_reports");
  return ReadOne(c, "SELECT " + kPhotos.Select() + " FROM report_photos WHERE id = ?" + in_scope, params,
                 RecordOf(kPhotoFields));
}

void SetPhotoHash(Connection& c, int64_t photo_id, const std::string& sha256) {
  c.Exec("UPDATE report_photos SET content_sha256 = ? WHERE id = ?", {sha256, photo_id});
}

std::vector<PhotoRecord> UnhashedPhotos(Connection& c, int64_t limit) {
  return ReadRows(
      c,
      "SELECT " + kPhotos.Select() + " FROM report_photos WHERE content_sha256 IS NULL ORDER BY id LIMIT ?",
      {limit}, RecordOf(kPhotoFields));
}

std::vector<ledger::PhotoHash> PhotoHashesOf(Connection& c, int64_t report_id) {
  return ReadRows(c,
                  "SELECT id, filename, content_sha256 FROM report_photos WHERE report_id = ? AND "
                  "content_sha256 IS NOT NULL ORDER BY id",
                  {report_id}, [](RowReader& r) {
                    return ledger::PhotoHash{r.Int("id"), r.Text("filename"), r.Text("content_sha256")};
                  });
}

std::vector<ledger::FiledPhoto> PhotosWithHashes(Connection& c, const std::vector<std::string>& hashes,
                                                 int64_t report_id) {
  if (hashes.empty()) return {};
  std::vector<Value> params;
  const std::string in = InList(hashes, params);
  params.emplace_back(report_id);
  return ReadRows(
      c,
      "SELECT ph.content_sha256, r.id, r.project_id, r.period, r.period_end FROM report_photos ph "
      "JOIN progress_reports r ON r.id = ph.report_id WHERE ph.content_sha256 IN (" +
          in + ") AND ph.report_id <> ? ORDER BY r.period_end, r.id",
      params, [](RowReader& r) {
        ledger::FiledPhoto f;
        f.sha256 = r.Text("content_sha256");
        f.report_id = r.Int("id");
        f.project_id = r.Int("project_id");
        f.period = r.Text("period");
        f.period_end = r.Date("period_end");
        return f;
      });
}

int64_t InsertStop(Connection& c, const StopRecord& s) {
  return InsertReturningId(c, kStops, InsertValuesOf(kStopFields, s));
}

std::optional<StopRecord> LoadStop(Connection& c, const access::ReadScope& scope, int64_t id) {
  std::vector<Value> params{id};
  const std::string in_scope = ProjectOfRowInScope(scope, params, "project_id");
  auto v = Stops(c, "WHERE id = ?" + in_scope, params);
  if (v.empty()) return std::nullopt;
  return v[0];
}

Status UpdateStop(Connection& c, const StopRecord& s, int64_t expected_version) {
  return UpdateVersioned(c, kStops, "stop/resume request", ValuesOf(kStopFields, s), s.id, expected_version);
}

std::vector<StopRecord> StopsOfProject(Connection& c, const access::ReadScope& scope, int64_t project_id) {
  std::vector<Value> params{project_id};
  const std::string in_scope = ProjectOfRowInScope(scope, params, "project_id");
  return Stops(c, "WHERE project_id = ?" + in_scope + " ORDER BY id DESC", params);
}

std::vector<StopRecord> PendingStops(Connection& c, const access::ReadScope& scope) {
  std::vector<Value> params;
  const std::string in_scope = ProjectOfRowInScope(scope, params, "project_id");
  return Stops(c, "WHERE status = 'requested'" + in_scope + " ORDER BY id", params);
}

std::optional<MonthlyPlanRecord> LoadMonthlyPlan(Connection& c, const access::ReadScope& scope,
                                                 int64_t project_id, int year) {
  std::vector<Value> params = {project_id, int64_t{year}};
  const std::string in_scope = ProjectOfRowInScope(scope, params, "project_id");
  return ReadOne(
      c, "SELECT version" + MonthList() + " FROM monthly_plans WHERE project_id = ? AND year = ?" + in_scope,
      params, [&](RowReader& r) {
        const int64_t version = r.Int("version");
        return MonthlyPlanRecord{project_id, year, MonthsFrom(r), version};
      });
}

Status SaveMonthlyPlan(Connection& c, const MonthlyPlanRecord& r, int64_t expected_version,
                       const std::string& now) {
  ColumnValues values;
  for (size_t i = 0; i < 12; ++i) values.emplace_back(kMonthColumns[i], r.months.at(i));
  values.emplace_back("updated_at", now);
  const ColumnValues key = {{"project_id", r.project_id}, {"year", int64_t{r.year}}};
  if (expected_version != 0)
    return UpdateVersioned(c, kMonthlyPlans, "monthly plan", values, key, expected_version);
  values.insert(values.begin(), key.begin(), key.end());
  values.emplace_back("version", int64_t{1});
  if (InsertRow(c, kMonthlyPlans, values, " ON CONFLICT (project_id, year) DO NOTHING") == 1) return Ok{};
  return StaleVersion("monthly plan", StoredVersion(c, kMonthlyPlans, key));
}

std::unordered_map<int64_t, std::vector<int64_t>> MonthlyPlansOf(Connection& c,
                                                                 const access::ReadScope& scope, int year,
                                                                 const std::vector<int64_t>& ids) {
  std::vector<Value> params = {int64_t{year}};
  std::string sql = "SELECT project_id" + MonthList() + " FROM monthly_plans WHERE year = ?";
  if (!ids.empty()) sql += " AND project_id IN (" + InList(ids, params) + ")";
  sql += ProjectOfRowInScope(scope, params, "project_id");
  std::unordered_map<int64_t, std::vector<int64_t>> out;
  ForEachRow(c, sql, params, [&](RowReader& r) {
    const int64_t id = r.Int("project_id");
    out[id] = MonthsFrom(r);
  });
  return out;
}

std::unordered_map<int64_t, std::string> StoppedProjects(Connection& c, const access::ReadScope& scope,
                                                         const Date& as_of) {
  std::unordered_map<int64_t, std::string> out;
  std::vector<Value> params = {as_of.ToString()};
  const std::string in_scope = ProjectOfRowInScope(scope, params, "project_id");
  // Oldest first: a later approved request (stop or resume) overrides an earlier one.
  ForEachRow(
      c,
      "SELECT project_id, kind, reason FROM stop_requests WHERE status = 'approved' AND effective_date <= ?" +
          in_scope + " ORDER BY project_id, effective_date, id",
      params, [&](RowReader& r) {
        const int64_t id = r.Int("project_id");
        if (r.Text("kind") == "stop") out[id] = r.Text("reason");
        else out.erase(id);
      });
  return out;
}

int64_t InsertTarget(Connection& c, const targets::Target& t, const std::string& now) {
  ColumnValues values = ValuesOf(kTargetFields, t);
  values.insert(values.end(), {{"version", int64_t{1}}, {"created_at", now}, {"updated_at", now}});
  return InsertReturningId(c, kTargets, values);
}

Status UpdateTarget(Connection& c, const targets::Target& t, int64_t expected_version,
                    const std::string& now) {
  ColumnValues values = ValuesOf(kTargetFields, t);
  values.emplace_back("updated_at", now);
  return UpdateVersioned(c, kTargets, "target", values, t.id, expected_version, "archived = 0");
}

Status ArchiveTarget(Connection& c, int64_t id, int64_t expected_version, const std::string& now) {
  return UpdateVersioned(c, kTargets, "target", {{"archived", int64_t{1}}, {"updated_at", now}}, id,
                         expected_version, "archived = 0");
}

std::optional<targets::Target> LoadTarget(Connection& c, const access::ReadScope& scope, int64_t id) {
  auto v = Targets(c, scope, " AND id = ?", {id});
  if (v.empty()) return std::nullopt;
  return v[0];
}

std::vector<targets::Target> LoadTargets(Connection& c, const access::ReadScope& scope) {
  return Targets(c, scope, " ORDER BY deadline, id", {});
}

nlohmann::json TargetChanges(const targets::Target& before, const targets::Target& after) {
  return JournalDiff(kTargetJournalFields, before, after);
}

std::optional<SettingsRecord> LoadSettings(Connection& c, const std::string& region) {
  return ReadOne(c, "SELECT " + kSettings.Select() + " FROM progress_settings WHERE region_code = ?",
                 {region}, RecordOf(kSettingsFields));
}

void UpsertSettings(Connection& c, const SettingsRecord& s, const std::string& now) {
  ColumnValues values = ValuesOf(kSettingsFields, s);
  values.emplace_back("updated_at", now);
  Upsert(c, kSettings, values, {{"region_code", s.region_code}}, /*bump_version=*/true);
}

bool DeleteSettings(Connection& c, const std::string& region) {
  return c.Exec("DELETE FROM progress_settings WHERE region_code = ?", {region}) > 0;
}

int64_t SupervisionVersion(Connection& c) {
  return ReadOne(c, "SELECT version FROM supervision_version WHERE id = 1", {},
                 [](RowReader& r) { return r.Int("version"); })
      .value();
}

void BumpSupervisionVersion(Connection& c) {
  c.Exec("UPDATE supervision_version SET version = version + 1 WHERE id = 1");
}

void ReplaceSnapshot(Connection& c, const std::string& region, const std::string& period, const Date& as_of,
                     const std::vector<SnapshotRow>& rows, const std::string& now) {
  c.Exec("DELETE FROM light_snapshots WHERE region_code = ? AND period = ?", {region, period});
  for (const auto& r : rows) {
    ColumnValues values = InsertValuesOf(kSnapshotFields, r);
    values.insert(
        values.end(),
        {{"region_code", region}, {"period", period}, {"as_of", as_of.ToString()}, {"computed_at", now}});
    InsertRow(c, kSnapshots, values);
  }
}

std::vector<SnapshotRow> LoadSnapshot(Connection& c, const std::string& region, const std::string& period,
                                      std::string* as_of) {
  std::vector<SnapshotRow> out;
  ForEachRow(
      c,
      "SELECT project_id, light, reasons, as_of FROM light_snapshots WHERE region_code = ? AND period = ? ORDER BY project_id",
      {region, period}, [&](RowReader& r) {
        out.push_back(RecordOf(kSnapshotFields)(r));
        if (as_of) *as_of = r.Text("as_of");
      });
  return out;
}

// ---- the journal as the light boards follow it

int64_t NewestJournalId(Connection& c) {
  return AsInt(c.Query("SELECT COALESCE(MAX(id), 0) FROM journal").rows.at(0).at(0));
}

int64_t CountJournalEntries(Connection& c, int64_t after, int64_t up_to) {
  return AsInt(
      c.Query("SELECT COUNT(*) FROM journal WHERE id > ? AND id <= ?", {after, up_to}).rows.at(0).at(0));
}

std::vector<JournalRef> JournalEntriesBetween(Connection& c, int64_t after, int64_t up_to) {
  return ReadRows(c, "SELECT entity, entity_id FROM journal WHERE id > ? AND id <= ? ORDER BY id",
                  {after, up_to}, [](RowReader& r) {
                    return JournalRef{r.Text("entity"), r.Int("entity_id")};
                  });
}

std::optional<int64_t> ProjectOfRecord(Connection& c, std::string_view entity, int64_t id) {
  static const std::map<std::string_view, const char*> kQueries = {
      {"project", "SELECT id FROM projects WHERE id = ?"},
      {"problem", "SELECT project_id FROM problems WHERE id = ?"},
      {"procedure", "SELECT project_id FROM procedures WHERE id = ?"},
      {"progress_report", "SELECT project_id FROM progress_reports WHERE id = ?"},
      {"stop_request", "SELECT project_id FROM stop_requests WHERE id = ?"},
  };
  auto it = kQueries.find(entity);
  if (it == kQueries.end()) return std::nullopt;
  const auto rows = c.Query(it->second, {id}).rows;
  if (rows.empty()) return std::nullopt;
  return AsInt(rows[0][0]);
}

}  // namespace gj::store
