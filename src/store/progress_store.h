// SQL of supervision: progress reports and their photos, stop/resume requests, targets, light
// snapshots, settings. Portable SQL only; callers own transactions.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/date.h"
#include "common/result.h"
#include "domain/access/read_scope.h"
#include "domain/ledger/plausibility.h"
#include "domain/supervision/report.h"
#include "domain/targets/target.h"
#include "store/db.h"

namespace gj::store {

struct ReportRecord {
  int64_t id = 0, project_id = 0;
  std::string period, frequency;
  Date period_start, period_end, due;
  std::string status = "pending";
  supervision::ReportContent content;
  bool reopened = false, late = false;
  std::optional<int64_t> submitted_by, reviewed_by;
  std::string submitted_at, reviewed_at, review_note;
  int64_t version = 1;
  std::string created_at, updated_at;
};

// Every reader of reports returns those of projects in `scope` only (a report of a project
// outside it reads as missing; an empty scope reads none).
std::optional<ReportRecord> LoadReport(Connection& c, const access::ReadScope& scope, int64_t id);
std::optional<ReportRecord> LoadReportOf(Connection& c, const access::ReadScope& scope, int64_t project_id,
                                         const std::string& period);
// Reports of a period (the scope's projects), or of one project (all periods, newest first).
std::vector<ReportRecord> ReportsOfPeriod(Connection& c, const access::ReadScope& scope,
                                          const std::string& period);
std::vector<ReportRecord> ReportsOfProject(Connection& c, const access::ReadScope& scope, int64_t project_id);
// Creates the pending report task unless it exists; true when created.
bool InsertReportTask(Connection& c, int64_t project_id, const supervision::Period& p,
                      const std::string& now);
// Writes every field and bumps the version; the 409 (StaleVersion) when `expected_version` is stale.
Status UpdateReport(Connection& c, const ReportRecord& r, int64_t expected_version);
// The highest cumulative investment filed for an earlier period of the same year as `period_key`
// (the year the key names: 2026-W53 is 2026's though it ends in 2027), for validation.
std::optional<int64_t> PreviousYearTotal(Connection& c, int64_t project_id, const std::string& period_key,
                                         const Date& period_end);

// What the lights need from the reports, per project.
struct ReportFacts {
  std::optional<int64_t> filed_year_total;  // highest cumulative figure filed this year by as_of
  int consecutive_missing = 0;              // most recent periods past due without a filed report
};
// `missing_window_from`: only due dates on or after it count (the last few periods suffice).
// Only projects of `scope`; `project_ids` (not empty): only those.
std::unordered_map<int64_t, ReportFacts> LoadReportFacts(Connection& c, const access::ReadScope& scope,
                                                         const Date& as_of, const Date& missing_window_from,
                                                         const std::vector<int64_t>& project_ids = {});

// Report tasks due within [due_from, due_to] of the live projects in `scope`, for the rankings' 按时报送率.
// The submission day is the China day of `submitted_at`.
std::vector<supervision::ReportFact> ListReportFacts(Connection& c, const access::ReadScope& scope,
                                                     const Date& due_from, const Date& due_to);

struct PhotoRecord {
  int64_t id = 0, report_id = 0;
  std::string filename, content_type;
  int64_t size_bytes = 0;
  std::string data_base64, uploaded_at;
};
int64_t InsertPhoto(Connection& c, const PhotoRecord& p, std::optional<int64_t> user);
std::vector<PhotoRecord> PhotosOf(Connection& c, const access::ReadScope& scope, int64_t report_id,
                                  bool with_data);
std::optional<PhotoRecord> LoadPhoto(Connection& c, const access::ReadScope& scope, int64_t id);
// Photos' content hashes (hex SHA-256, column content_sha256 of migration 0022) for
// plausible.photo_reused. Set once, after the photo's insert.
void SetPhotoHash(Connection& c, int64_t photo_id, const std::string& sha256);
// Up to `limit` photos whose hash is not known yet (uploaded before 0022), with their bytes.
std::vector<PhotoRecord> UnhashedPhotos(Connection& c, int64_t limit);
// A report's photos whose hash is known, in upload order.
std::vector<ledger::PhotoHash> PhotoHashesOf(Connection& c, int64_t report_id);
// The photos of reports other than `report_id` with one of `hashes`, with their report's project
// and period (project_name and readable are the caller's to fill).
std::vector<ledger::FiledPhoto> PhotosWithHashes(Connection& c, const std::vector<std::string>& hashes,
                                                 int64_t report_id);

struct StopRecord {
  int64_t id = 0, project_id = 0;
  std::string kind, reason;  // kind: stop (停工) or resume (复工)
  Date effective_date;
  std::string status = "requested";  // requested, approved, rejected
  std::optional<int64_t> requested_by, decided_by;
  std::string requested_at, decided_at, decision_note;
  int64_t version = 1;
};
int64_t InsertStop(Connection& c, const StopRecord& s);
// Nothing when its project is outside `scope` (StopsOfProject alike).
std::optional<StopRecord> LoadStop(Connection& c, const access::ReadScope& scope, int64_t id);
Status UpdateStop(Connection& c, const StopRecord& s, int64_t expected_version);
std::vector<StopRecord> StopsOfProject(Connection& c, const access::ReadScope& scope, int64_t project_id);
// Approved stops in force on `as_of` (the latest approved request up to then is a stop): project → reason.
std::unordered_map<int64_t, std::string> StoppedProjects(Connection& c, const access::ReadScope& scope,
                                                         const Date& as_of);
std::vector<StopRecord> PendingStops(Connection& c, const access::ReadScope& scope);

// 分月计划投资: twelve monthly amounts (yuan) of a project and year.
struct MonthlyPlanRecord {
  int64_t project_id = 0;
  int year = 0;
  std::vector<int64_t> months;
  int64_t version = 0;  // 0: none stored
};
std::optional<MonthlyPlanRecord> LoadMonthlyPlan(Connection& c, const access::ReadScope& scope,
                                                 int64_t project_id, int year);
// Stores `r` if the stored version is `expected_version` (0: none stored yet); else the 409 (StaleVersion).
Status SaveMonthlyPlan(Connection& c, const MonthlyPlanRecord& r, int64_t expected_version,
                       const std::string& now);
// The plans of a year: project → twelve monthly amounts; of `ids` only when given.
std::unordered_map<int64_t, std::vector<int64_t>> MonthlyPlansOf(Connection& c,
                                                                 const access::ReadScope& scope, int year,
                                                                 const std::vector<int64_t>& ids = {});

int64_t InsertTarget(Connection& c, const targets::Target& t, const std::string& now);
// An unarchived target's update / archival at `expected_version`; else the 409 (StaleVersion).
Status UpdateTarget(Connection& c, const targets::Target& t, int64_t expected_version,
                    const std::string& now);
Status ArchiveTarget(Connection& c, int64_t id, int64_t expected_version, const std::string& now);
// Targets whose region the scope contains (ReadScope::ContainsRegion). Their region lies inside
// the stored definition, so the scope applies in its in-memory form as each row is read.
std::optional<targets::Target> LoadTarget(Connection& c, const access::ReadScope& scope, int64_t id);
std::vector<targets::Target> LoadTargets(Connection& c, const access::ReadScope& scope);
// The journal's changes of a target's definition, one per field (named as in the target's JSON;
// categories as one comma-separated text).
nlohmann::json TargetChanges(const targets::Target& before, const targets::Target& after);

struct SettingsRecord {
  std::string region_code;
  std::string light_rules, report_policy;  // JSON text
  int64_t version = 0;                     // 0: none stored (defaults)
};
std::optional<SettingsRecord> LoadSettings(Connection& c, const std::string& region);
void UpsertSettings(Connection& c, const SettingsRecord& s, const std::string& now);
// Drops the region's own settings (it inherits again); true when there were some.
bool DeleteSettings(Connection& c, const std::string& region);

int64_t SupervisionVersion(Connection& c);
void BumpSupervisionVersion(Connection& c);

struct SnapshotRow {
  int64_t project_id = 0;
  std::string light, reasons_json;
};
void ReplaceSnapshot(Connection& c, const std::string& region, const std::string& period, const Date& as_of,
                     const std::vector<SnapshotRow>& rows, const std::string& now);
// Empty when no snapshot was kept; `as_of` is filled.
std::vector<SnapshotRow> LoadSnapshot(Connection& c, const std::string& region, const std::string& period,
                                      std::string* as_of);

// ---- the journal as the light boards follow it

// The newest journal id (0 when empty), and how many entries lie in (after, up_to].
int64_t NewestJournalId(Connection& c);
int64_t CountJournalEntries(Connection& c, int64_t after, int64_t up_to);
struct JournalRef {
  std::string entity;
  int64_t entity_id = 0;
};
// The entries in (after, up_to], oldest first.
std::vector<JournalRef> JournalEntriesBetween(Connection& c, int64_t after, int64_t up_to);
// The project a journaled record belongs to, for entity project, problem, procedure,
// progress_report and stop_request; nullopt for any other entity or a record no longer stored.
std::optional<int64_t> ProjectOfRecord(Connection& c, std::string_view entity, int64_t id);

}  // namespace gj::store
