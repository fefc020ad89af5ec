// Use cases of the progress table (一张表) and the warning lights (红黄绿灯): report tasks per
// project and period, filing, review, reopening, photos, stop/resume requests, lights as of any
// date (cached per data version), the county dashboard and light snapshots per period, settings.
#pragma once

#include <array>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "domain/ledger/plausibility.h"
#include "domain/supervision/light.h"
#include "domain/supervision/report.h"
#include "service/context.h"
#include "service/ledger/ledger_service.h"
#include "service/supervision/light_board.h"
#include "store/db.h"
#include "store/progress_store.h"

namespace gj::service {

// ---- typed results (their JSON is written in api/json/progress_json) -------------------------

// The light rules and report policy in force for a region, and the stored settings' version
// (0: none stored, the region inherits).
struct ProgressSettings {
  std::string region;
  supervision::LightRules light_rules;
  supervision::ReportPolicy report_policy;
  int64_t version = 0;
  // Whose they are: "own", "inherited" (from source_region) or "default"; whether the caller may
  // set or clear the region's own.
  std::string source = "default", source_region;
  bool editable = false;
};

// Report tasks generated for one region and period. `region` is set (with its name) when one
// call covered several counties.
struct GeneratedTasks {
  std::string period;
  Date due;
  int created = 0;
  size_t projects = 0;
  std::string region, region_name;
};
struct RunningTasks {
  std::vector<GeneratedTasks> items;
};

// A report photo without its bytes.
struct ReportPhoto {
  int64_t id = 0;
  std::string filename, content_type;
  int64_t size_bytes = 0;
};
// The project figures a report is shown with.
struct ReportProject {
  std::string code, name, unit_name, town_name;
  std::optional<int64_t> annual_plan;
};
struct ReportView {
  store::ReportRecord report;
  std::vector<ReportPhoto> photos;
  ReportProject project;
  // The soft plausibility rules its figures break (saved anyway; the filer and the reviewer see them).
  std::vector<ledger::Breach> warnings;
  // For the caller (access::Allowed / access::Mine): may file reports on this project; the project
  // is the caller's own (their unit leads it, or they are its 包保 leader).
  bool can_report = false;
  bool mine = false;
};
// A period's reports (`counts`: every status, before the status filter).
struct ReportPeriodList {
  std::string period;
  std::vector<ReportView> items;
  std::map<std::string, int> counts;
};
struct ProjectReportList {
  std::vector<ReportView> items;
};
// The period every page opens on (reports, the bulletin, kept lights, the home page): the one
// containing today by the region's report policy, the one reports are being filed for. The
// previous one is offered as a quick choice (the bulletin of a finished week).
struct CurrentPeriod {
  std::string region;
  supervision::Period period;
  std::string previous, next;
};

// A report past due and not filed (kind "missing"), or filed after reopening ("late").
struct MissingReport {
  int64_t report_id = 0, project_id = 0;
  std::string code, name, period;
  Date due;
  std::string kind, status;
};
struct UnitMissingReports {
  std::optional<int64_t> unit_id;  // none: the projects without a unit
  std::string unit_name;
  int missing = 0, late = 0;
  std::vector<MissingReport> items;
};
// Units by missing + late reports, most first.
struct MissingReportList {
  Date as_of;
  std::vector<UnitMissingReports> units;
};

// A stop/resume request as filed; the decision on one; a project's requests.
struct StopRequested {
  store::StopRecord stop;
};
struct StopDecision {
  int64_t id = 0;
  std::string status;
  int64_t version = 0;
};
struct StopList {
  std::vector<store::StopRecord> items;
  bool stopped = false;  // a stop is in force today: the next request is a resume
};

struct MonthlyPlanView {
  int64_t project_id = 0;
  int year = 0;
  std::optional<int64_t> annual_plan;
  std::vector<int64_t> months, cumulative;  // empty when none is kept
  int64_t version = 0;                      // 0: none kept
};

// A page of lights, red first. The entries are the board's (shared, never changed).
struct LightPage {
  Date as_of;
  std::string preset;
  int64_t total_count = 0;
  std::vector<std::shared_ptr<const LightEntry>> items;
};
struct ProjectLightView {
  Date as_of;
  std::string preset;
  std::shared_ptr<const LightEntry> entry;
};
// Counts per light: green, yellow, red (indexed by supervision::Light).
using LightCounts = std::array<int, 3>;
struct TownLights {
  std::string code, name;
  LightCounts counts{};
};
struct LightDashboard {
  Date as_of;
  std::string region, preset;
  LightCounts counts{};
  size_t total = 0;
  std::vector<TownLights> by_town;             // by code
  std::map<std::string, LightCounts> by_rule;  // rule → reasons per light
};
struct SnapshotKept {
  std::string region, period;
  Date as_of;
  LightCounts counts{};
};
struct SnapshotItem {
  int64_t project_id = 0;
  std::string code, name, light;
  std::string reasons_json;  // as kept: the reasons' JSON array
};
struct LightSnapshot {
  std::string region, period, as_of;
  std::vector<SnapshotItem> items;
};

class ProgressService {
 public:
  ProgressService(store::Database& db, LedgerService& ledger) : db_(db), ledger_(ledger) {}

  // Photo uploads: size limit and accepted types (checked by content, not by name).
  static constexpr size_t kMaxPhotoBytes = 5u << 20;
  store::Database& db() { return db_; }

  Result<ProgressSettings> Settings(const Ctx& ctx, const std::string& region);
  Result<ProgressSettings> PutSettings(const Ctx& ctx, const std::string& region, const nlohmann::json& body);
  supervision::LightRules RulesFor(store::Connection& c, const std::string& region);
  supervision::ReportPolicy PolicyFor(store::Connection& c, const std::string& region);

  // Report tasks for every project of the region and the period (idempotent).
  Result<GeneratedTasks> GenerateTasks(const Ctx& ctx, const nlohmann::json& body);
  // The running period's tasks of every county under `region` (every county: empty) that the
  // caller administers, each by its own report policy; idempotent (a daily timer or cron runs it,
  // so no period goes without tasks and missing reports are always counted).
  Result<RunningTasks> GenerateRunningTasks(const Ctx& ctx, const std::string& region);
  // GET /reports/period: the current period of a region's policy (empty region: the default policy,
  // as ListReports without a region). ListReports, task generation and snapshots take the same.
  Result<CurrentPeriod> CurrentPeriodOf(const Ctx& ctx, const std::string& region);
  // `mine_only`: only the caller's own projects (access::Mine), counts included.
  Result<ReportPeriodList> ListReports(const Ctx& ctx, const std::string& region, const std::string& period,
                                       const std::string& status, bool mine_only = false);
  Result<ProjectReportList> ProjectReports(const Ctx& ctx, int64_t project_id);
  Result<ReportView> GetReport(const Ctx& ctx, int64_t id);
  // body: version, content fields, and "submit": true to submit.
  Result<ReportView> SaveReport(const Ctx& ctx, int64_t id, const nlohmann::json& body);
  Result<ReportView> Review(const Ctx& ctx, int64_t id, const nlohmann::json& body, bool approve);
  Result<ReportView> Reopen(const Ctx& ctx, int64_t id, const nlohmann::json& body);
  Result<ReportPhoto> AddPhoto(const Ctx& ctx, int64_t report_id, const std::string& filename,
                               const std::string& bytes);
  Result<store::PhotoRecord> Photo(const Ctx& ctx, int64_t photo_id);
  // Missing (past due, not filed) and late (filed after reopening) reports per unit, as of a date.
  Result<MissingReportList> MissingReports(const Ctx& ctx, const std::string& region, const Date& as_of);
  // The same over projects the caller has read already (a light board's rows, for the bulletin).
  MissingReportList MissingReportsOf(const std::vector<const store::ProjectRow*>& rows,
                                     const std::string& region, const Date& as_of);

  Result<StopRequested> RequestStop(const Ctx& ctx, int64_t project_id, const nlohmann::json& body);
  Result<StopDecision> DecideStop(const Ctx& ctx, int64_t id, const nlohmann::json& body);
  Result<StopList> Stops(const Ctx& ctx, int64_t project_id);

  // 分月计划投资 of a project and year: twelve monthly amounts (yuan) adding up to the annual plan;
  // where one is kept, 序时进度 follows it. body: {version (0 for a new one), months}.
  Result<MonthlyPlanView> MonthlyPlan(const Ctx& ctx, int64_t project_id, int year);
  Result<MonthlyPlanView> PutMonthlyPlan(const Ctx& ctx, int64_t project_id, int year,
                                         const nlohmann::json& body);

  Result<std::shared_ptr<const LightBoard>> Board(const Ctx& ctx, const std::string& region,
                                                  const Date& as_of);
  Result<LightPage> Lights(const Ctx& ctx, const std::string& region, const Date& as_of,
                           const std::string& light, int64_t offset, int64_t limit);
  Result<LightDashboard> Dashboard(const Ctx& ctx, const std::string& region, const Date& as_of);
  Result<ProjectLightView> ProjectLight(const Ctx& ctx, int64_t project_id, const Date& as_of);
  // Keeps the lights of a period (computed as of the period's end, or today while it runs).
  Result<SnapshotKept> KeepSnapshot(const Ctx& ctx, const nlohmann::json& body);
  Result<LightSnapshot> Snapshot(const Ctx& ctx, const std::string& region, const std::string& period);

 private:
  // The request's project.read scope, for the stores' reads of reports (the tree through `c`).
  const access::ReadScope& Reads(store::Connection& c, const Ctx& ctx) {
    return ctx.Reads(access::kProjectRead, *ledger_.Regions(c));
  }
  // What an office action's body {"region", "period"?} names: a known region on whose county the
  // caller holds supervision.admin (else 403 "only the project office (coordinator) <what>"), and
  // the period under the region's report policy (default: the one holding today).
  struct OfficePeriod {
    std::string region;
    supervision::Period period;
  };
  Result<OfficePeriod> OfficePeriodOf(const Ctx& ctx, const nlohmann::json& body, const std::string& what);
  Result<std::shared_ptr<const LightBoard>> BuildBoard(const Ctx& ctx, const std::string& region,
                                                       const Date& as_of, const JournalMark& mark);
  // The cached board brought up to `now` by recomputing the projects written since; null when
  // only a rebuild will do.
  std::shared_ptr<const LightBoard> RefreshBoard(const Ctx& ctx, const std::string& region,
                                                 const LightBoard& old, const JournalMark& now);
  // The dashboard's figures: lights by town and by rule.
  static LightDashboard Summarise(const LightBoard& b, const std::string& region);
  Status StoreSettings(const Ctx& ctx, const std::string& region, int64_t version,
                       const nlohmann::json& body);
  // With `year`'s kind and figures when the project is on that year's list.
  Result<store::ProjectRow> ReadableProject(const Ctx& ctx, int64_t project_id, std::optional<int> year = {});
  // The caller's readable projects of `region` by id, to match a period's stored rows against.
  Result<std::unordered_map<int64_t, store::ProjectRow>> ReadableById(const Ctx& ctx,
                                                                      const std::string& region);
  Result<std::pair<store::ReportRecord, store::ProjectRow>> ReportFor(const Ctx& ctx, int64_t id);
  Status Allowed(const Ctx& ctx, const char* action, const ledger::Project& p, const char* what);
  ReportView ViewOf(const Ctx& ctx, store::Connection& c, const store::ReportRecord& r,
                    const store::ProjectRow& row);

  store::Database& db_;
  LedgerService& ledger_;
  std::mutex cache_mu_;
  // (region, as_of, scope) → the board, which knows how far into the journal it has seen
  std::map<std::string, std::shared_ptr<const LightBoard>> boards_;
  // (region, as_of) → the board a dashboard was summarised from, and the summary
  std::map<std::string, std::pair<std::shared_ptr<const LightBoard>, LightDashboard>> dashboards_;
};

}  // namespace gj::service
