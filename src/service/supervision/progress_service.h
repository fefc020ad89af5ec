// Use cases of the progress table (一张表) and the warning lights (红黄绿灯): report tasks per
// project and period, filing, review, reopening, photos, stop/resume requests, lights as of any
// date (cached per data version), the county dashboard and light snapshots per period, settings.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "domain/supervision/light.h"
#include "domain/supervision/report.h"
#include "service/context.h"
#include "service/ledger/ledger_service.h"
#include "service/supervision/light_board.h"
#include "store/db.h"
#include "store/progress_store.h"

namespace gj::service {

class ProgressService {
 public:
  ProgressService(store::Database& db, LedgerService& ledger) : db_(db), ledger_(ledger) {}

  // Photo uploads: size limit and accepted types (checked by content, not by name).
  static constexpr size_t kMaxPhotoBytes = 5u << 20;
  store::Database& db() { return db_; }

  Result<nlohmann::json> Settings(const Ctx& ctx, const std::string& region);
  Result<nlohmann::json> PutSettings(const Ctx& ctx, const std::string& region, const nlohmann::json& body);
  supervision::LightRules RulesFor(store::Connection& c, const std::string& region);
  supervision::ReportPolicy PolicyFor(store::Connection& c, const std::string& region);

  // Report tasks for every project of the region and the period (idempotent).
  Result<nlohmann::json> GenerateTasks(const Ctx& ctx, const nlohmann::json& body);
  // The running period's tasks of every county under `region` (every county: empty) that the
  // caller administers, each by its own report policy; idempotent (a daily timer or cron runs it,
  // so no period goes without tasks and missing reports are always counted).
  Result<nlohmann::json> GenerateRunningTasks(const Ctx& ctx, const std::string& region);
  Result<nlohmann::json> ListReports(const Ctx& ctx, const std::string& region, const std::string& period, const std::string& status);
  Result<nlohmann::json> ProjectReports(const Ctx& ctx, int64_t project_id);
  Result<nlohmann::json> GetReport(const Ctx& ctx, int64_t id);
  // body: version, content fields, and "submit": true to submit.
  Result<nlohmann::json> SaveReport(const Ctx& ctx, int64_t id, const nlohmann::json& body);
  Result<nlohmann::json> Review(const Ctx& ctx, int64_t id, const nlohmann::json& body, bool approve);
  Result<nlohmann::json> Reopen(const Ctx& ctx, int64_t id, const nlohmann::json& body);
  Result<nlohmann::json> AddPhoto(const Ctx& ctx, int64_t report_id, const std::string& filename, const std::string& bytes);
  Result<store::PhotoRecord> Photo(const Ctx& ctx, int64_t photo_id);
  // Missing (past due, not filed) and late (filed after reopening) reports per unit, as of a date.
  Result<nlohmann::json> MissingReports(const Ctx& ctx, const std::string& region, const Date& as_of);
  // The same over projects the caller has read already (a light board's rows, for the bulletin).
  nlohmann::json MissingReportsOf(const std::vector<const store::ProjectRow*>& rows, const std::string& region,
                                  const Date& as_of);

  Result<nlohmann::json> RequestStop(const Ctx& ctx, int64_t project_id, const nlohmann::json& body);
  Result<nlohmann::json> DecideStop(const Ctx& ctx, int64_t id, const nlohmann::json& body);
  Result<nlohmann::json> Stops(const Ctx& ctx, int64_t project_id);

  // 分月计划投资 of a project and year: twelve monthly amounts (yuan) adding up to the annual plan;
  // where one is kept, 序时进度 follows it. body: {version (0 for a new one), months}.
  Result<nlohmann::json> MonthlyPlan(const Ctx& ctx, int64_t project_id, int year);
  Result<nlohmann::json> PutMonthlyPlan(const Ctx& ctx, int64_t project_id, int year, const nlohmann::json& body);

  Result<std::shared_ptr<const LightBoard>> Board(const Ctx& ctx, const std::string& region, const Date& as_of);
  // Puts each item's ({"id": project id, …}) warning light and its reasons from the board of
  // `region` as of the date, so a page (map, leader page) agrees with the dashboard and bulletin.
  // Items the board does not hold are left as they are.
  Status AddLights(const Ctx& ctx, const std::string& region, const Date& as_of, nlohmann::json& items);
  Result<nlohmann::json> Lights(const Ctx& ctx, const std::string& region, const Date& as_of, const std::string& light,
                                int64_t offset, int64_t limit);
  Result<nlohmann::json> Dashboard(const Ctx& ctx, const std::string& region, const Date& as_of);
  Result<nlohmann::json> ProjectLight(const Ctx& ctx, int64_t project_id, const Date& as_of);
  // Keeps the lights of a period (computed as of the period's end, or today while it runs).
  Result<nlohmann::json> KeepSnapshot(const Ctx& ctx, const nlohmann::json& body);
  Result<nlohmann::json> Snapshot(const Ctx& ctx, const std::string& region, const std::string& period);

 private:
  Result<std::shared_ptr<const LightBoard>> BuildBoard(const Ctx& ctx, const std::string& region, const Date& as_of,
                                                      const JournalMark& mark);
  // The cached board brought up to `now` by recomputing the projects written since; null when
  // only a rebuild will do.
  std::shared_ptr<const LightBoard> RefreshBoard(const Ctx& ctx, const std::string& region, const LightBoard& old,
                                                 const JournalMark& now);
  // The dashboard's figures: lights by town and by rule.
  static nlohmann::json Summarise(const LightBoard& b, const std::string& region);
  Status StoreSettings(const Ctx& ctx, const std::string& region, int64_t version, const nlohmann::json& body);
  Result<store::ProjectRow> ReadableProject(const Ctx& ctx, int64_t project_id);
  Result<std::pair<store::ReportRecord, store::ProjectRow>> ReportFor(const Ctx& ctx, int64_t id);
  Status Allowed(const Ctx& ctx, const char* action, const ledger::Project& p, const char* what);
  nlohmann::json ReportJson(store::Connection& c, const store::ReportRecord& r, const store::ProjectRow* row);

  store::Database& db_;
  LedgerService& ledger_;
  std::mutex cache_mu_;
  // (region, as_of, scope) → the board, which knows how far into the journal it has seen
  std::map<std::string, std::shared_ptr<const LightBoard>> boards_;
  // (region, as_of) → the board a dashboard was summarised from, and the summary
  std::map<std::string, std::pair<std::shared_ptr<const LightBoard>, nlohmann::json>> dashboards_;
};

}  // namespace gj::service
