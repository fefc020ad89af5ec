// Use cases of the land-efficiency evaluation on the server (issue 4 §3): enterprises and their
// yearly data (import with a dry run, edits, review/return/confirm), the county's versioned scheme,
// evaluation runs and their workflow (初评, 调档, 公示, 申诉, 定级), the policy ledger and exports.
// A run stores a snapshot of its input and scheme; its figures are the engine's (land::Evaluate),
// recomputed from the snapshot, so the server and the CLI agree to the last digit.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "domain/land_efficiency/evaluate.h"
#include "service/context.h"
#include "service/ledger/ledger_service.h"
#include "store/db.h"
#include "store/land_efficiency_store.h"

namespace gj::service {

struct LandExport {
  std::string bytes;
  std::string content_type;
  std::string filename;
};

class LandService {
 public:
  LandService(store::Database& db, LedgerService& ledger) : db_(db), ledger_(ledger) {}

  // CSV or xlsx (detected from the bytes) with the CLI's columns. A dry run reports every problem
  // and writes nothing; a real import with problems is an error (422) listing them.
  Result<nlohmann::json> Import(const Ctx& ctx, const std::string& county, int year, std::string_view bytes, bool dry_run);
  Result<nlohmann::json> ListData(const Ctx& ctx, const std::string& county, int year);
  Result<nlohmann::json> UpdateData(const Ctx& ctx, int64_t id, const nlohmann::json& body);
  // {action, reason?, version}: one row through the data workflow.
  Result<nlohmann::json> DataAction(const Ctx& ctx, int64_t id, const nlohmann::json& body);
  // {county_code, year, action, reason?}: every row of the county and year where the action applies.
  Result<nlohmann::json> DataActionAll(const Ctx& ctx, const nlohmann::json& body);

  Result<nlohmann::json> GetScheme(const Ctx& ctx, const std::string& county);
  Result<nlohmann::json> PutScheme(const Ctx& ctx, const std::string& county, const nlohmann::json& body);
  Result<nlohmann::json> GetPolicies(const Ctx& ctx, const std::string& county);
  Result<nlohmann::json> PutPolicies(const Ctx& ctx, const std::string& county, const nlohmann::json& body);

  // 测算: evaluates the county's confirmed data of the year with its current scheme (a new run).
  Result<nlohmann::json> Run(const Ctx& ctx, const nlohmann::json& body);
  Result<nlohmann::json> ListRuns(const Ctx& ctx, const std::string& county, std::optional<int> year);
  // The run with its results (filters: class, town, group), counts per class and per town.
  // `results` are those passing the filters (class, town, group), `total_count` of them, from
  // `offset` on and at most `limit` (0: all).
  Result<nlohmann::json> GetRun(const Ctx& ctx, int64_t id, const std::map<std::string, std::string>& filters = {},
                                int64_t offset = 0, int64_t limit = 0);
  // One enterprise's result explained: each indicator's value, benchmark, ratio and score.
  Result<nlohmann::json> Card(const Ctx& ctx, int64_t id, const std::string& credit_code);
  // {action, version, ...}: preliminary, adjust, publish, appeal, decide_appeal, finalize.
  Result<nlohmann::json> RunAction(const Ctx& ctx, int64_t id, const nlohmann::json& body);
  Result<nlohmann::json> PolicyLedger(const Ctx& ctx, int64_t id);
  // The engine's results exactly as `gongjian evaluate land` writes them (format csv or xlsx).
  Result<LandExport> Export(const Ctx& ctx, int64_t id, const std::string& format);
  Result<nlohmann::json> Journal(const Ctx& ctx, const std::string& entity, int64_t id);

  // A run's recomputed evaluation (immutable snapshot → cached).
  struct Computed {
    land::Scheme scheme;
    std::vector<land::Enterprise> input;
    land::Evaluation ev;
  };

 private:
  Status CheckCounty(const Ctx& ctx, const std::string& county, const char* action);
  Result<store::RunRow> LoadRun(store::Connection& c, const Ctx& ctx, int64_t id);
  std::shared_ptr<const Computed> Compute(const store::RunRow& run);
  land::Scheme SchemeOf(store::Connection& c, const std::string& county, std::optional<int64_t>* id, int* version);

  store::Database& db_;
  LedgerService& ledger_;
  std::mutex mu_;
  static constexpr size_t kCachedRuns = 16;
  std::map<int64_t, std::shared_ptr<const Computed>> cache_;
};

// Snapshot rows ↔ JSON (exact: doubles round-trip).
nlohmann::json EnterpriseToJson(const land::Enterprise& e);
land::Enterprise EnterpriseFromJson(const nlohmann::json& j);

}  // namespace gj::service
