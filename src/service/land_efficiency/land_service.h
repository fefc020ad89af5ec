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
#include <vector>

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

// What an import found (and, when it had no problem, did or would do).
struct LandImportReport {
  bool dry_run = false;
  std::string county_code;
  int year = 0;
  size_t rows = 0;
  std::vector<ErrorDetail> problems;    // row, column (field), value, reason
  std::optional<int> created, updated;  // only when there is no problem
};

// One enterprise's data of a year and the workflow actions its state allows.
struct LandData {
  store::LandDataRow row;
  std::vector<std::string> actions;
};

struct LandDataList {
  std::string county_code;
  int year = 0;
  std::vector<LandData> items;
  std::map<std::string, int> states;  // rows per state
};

struct LandBulkAction {
  std::string action;
  int changed = 0;
};

struct LandSchemeView {
  std::string county_code;
  int version = 0;  // 0: no stored scheme, the built-in one applies
  land::Scheme scheme;
};

struct LandClassPolicy {
  std::string klass;  // A…D
  double surcharge_per_kwh = 0;
  double land_mu = 0, energy_tce = 0, emission_t = 0;
  std::string note;
};

struct LandPolicies {
  std::string county_code;
  int64_t version = 0;  // the sum of the classes' versions
  std::vector<LandClassPolicy> classes;
};

// A run as lists show it.
struct LandRun {
  store::RunRow row;
  std::vector<std::string> actions;
  std::optional<std::string> appeal_until;  // when published
};

struct LandRunList {
  std::vector<LandRun> items;
};

struct LandComputed {
  land::Scheme scheme;
  std::vector<land::Enterprise> input;
  land::Evaluation ev;
};

// One enterprise's line of a run; points into the run's LandComputed, which the page holds.
struct LandResultLine {
  size_t row = 0;  // 1-based position in the run's input
  const land::Enterprise* enterprise = nullptr;
  const land::EnterpriseResult* result = nullptr;
  std::optional<double> score;
  std::optional<int> rank;
  std::string computed_class, final_class;  // "" when none
  bool adjusted = false;
  std::optional<int64_t> surcharge_fen;
};

struct LandNamedAdjustment {
  store::AdjustmentRow adjustment;
  std::string name;
};

struct LandNamedAppeal {
  store::AppealRow appeal;
  std::string name;
};

struct LandRunDetail {
  LandRun run;
  std::shared_ptr<const LandComputed> computed;
  std::map<std::string, std::map<std::string, int>> counts, by_town;  // per group / town, per class
  std::vector<LandResultLine> results;
  int64_t total_count = 0, offset = 0, limit = 0;
  std::vector<LandNamedAdjustment> adjustments;
  std::vector<LandNamedAppeal> appeals;
};

struct LandIndicatorCard {
  std::string id;
  double weight = 0;
  std::optional<double> cap, value, benchmark, ratio, score;
};

// One enterprise's result explained.
struct LandCard {
  LandRun run;
  land::Enterprise enterprise;
  land::Group group{};
  land::EnterpriseStatus status{};
  std::optional<double> score;
  std::optional<int> rank;
  int64_t group_count = 0;
  std::string computed_class, final_class;  // "" when none
  std::vector<LandIndicatorCard> indicators;
  std::optional<int64_t> surcharge_fen, tax_to_next_class_cents;
  std::vector<store::AdjustmentRow> adjustments;
  std::vector<store::AppealRow> appeals;
};

struct LandPolicyLedger {
  int64_t run_id = 0;
  bool final = false;
  std::vector<store::PolicyLedgerRow> items;
};

struct LandJournalEntry {
  int64_t id = 0;
  std::string at, user_name, action;
  std::string changes;  // JSON text as journaled
};

struct LandJournal {
  std::vector<LandJournalEntry> items;
};

class LandService {
 public:
  LandService(store::Database& db, LedgerService& ledger) : db_(db), ledger_(ledger) {}

  // CSV or xlsx (detected from the bytes) with the CLI's columns. A dry run reports every problem
  // and writes nothing; a real import with problems is an error (422) listing them.
  // Whether the caller may import into `county` (404 a county not read, 403 without land.write):
  // the route asks it before it reads the query's other parameters and the body.
  Status MayImport(const Ctx& ctx, const std::string& county);
  Result<LandImportReport> Import(const Ctx& ctx, const std::string& county, int year, std::string_view bytes,
                                  bool dry_run);
  Result<LandDataList> ListData(const Ctx& ctx, const std::string& county, int year);
  // The import workbook (land_sheets.h) of a county: without `year` the empty template, with it the
  // county's data of that year (which imports back unchanged). 404 for a county out of scope.
  Result<LandExport> DataWorkbook(const Ctx& ctx, const std::string& county, std::optional<int> year);
  // One enterprise's data row as ListData shows it (what a stale write's 409 carries as "current").
  Result<LandData> GetData(const Ctx& ctx, int64_t id);
  Result<LandData> UpdateData(const Ctx& ctx, int64_t id, const nlohmann::json& body);
  // {action, reason?, version}: one row through the data workflow.
  Result<LandData> DataAction(const Ctx& ctx, int64_t id, const nlohmann::json& body);
  // {county_code, year, action, reason?}: every row of the county and year where the action applies.
  Result<LandBulkAction> DataActionAll(const Ctx& ctx, const nlohmann::json& body);

  Result<LandSchemeView> GetScheme(const Ctx& ctx, const std::string& county);
  Result<LandSchemeView> PutScheme(const Ctx& ctx, const std::string& county, const nlohmann::json& body);
  Result<LandPolicies> GetPolicies(const Ctx& ctx, const std::string& county);
  Result<LandPolicies> PutPolicies(const Ctx& ctx, const std::string& county, const nlohmann::json& body);

  // 测算: evaluates the county's confirmed data of the year with its current scheme (a new run).
  Result<LandRunDetail> Run(const Ctx& ctx, const nlohmann::json& body);
  Result<LandRunList> ListRuns(const Ctx& ctx, const std::string& county, std::optional<int> year);
  // The run with its results (filters: class, town, group), counts per class and per town.
  // `results` are those passing the filters (class, town, group), `total_count` of them, from
  // `offset` on and at most `limit` (0: all).
  Result<LandRunDetail> GetRun(const Ctx& ctx, int64_t id,
                               const std::map<std::string, std::string>& filters = {}, int64_t offset = 0,
                               int64_t limit = 0);
  // One enterprise's result explained: each indicator's value, benchmark, ratio and score.
  Result<LandCard> Card(const Ctx& ctx, int64_t id, const std::string& credit_code);
  // {action, version, ...}: preliminary, adjust, publish, appeal, decide_appeal, finalize.
  Result<LandRunDetail> RunAction(const Ctx& ctx, int64_t id, const nlohmann::json& body);
  Result<LandPolicyLedger> PolicyLedger(const Ctx& ctx, int64_t id);
  // The engine's results exactly as `gongjian evaluate land` writes them (format csv or xlsx).
  Result<LandExport> Export(const Ctx& ctx, int64_t id, const std::string& format);
  Result<LandJournal> Journal(const Ctx& ctx, const std::string& entity, int64_t id);

  // A run's recomputed evaluation (immutable snapshot → cached).
  using Computed = LandComputed;

 private:
  Status CheckCounty(const Ctx& ctx, const std::string& county, const char* action);
  // The enterprises the caller reads (land.read): each grant's region, but a grant tied to a unit
  // reads that unit's region only — a town's unit the enterprises of its town, a county department
  // those of its county — and a unit-role grant without a unit reads none. Every enterprise read
  // takes it (store::ListLandData, GetLandData; Readable for the runs' snapshots). service::UnitRemit.
  access::ReadScope Remit(store::Connection& c, const Ctx& ctx);
  // An enterprise of `county` whose town is named `town` lies in `remit`.
  bool Readable(const access::ReadScope& remit, const std::string& county, const std::string& town);
  // The remit holds the whole county (its run exports and policy ledger list every enterprise).
  Status WholeCounty(const access::ReadScope& remit, const std::string& county);
  Result<store::RunRow> LoadRun(store::Connection& c, const Ctx& ctx, int64_t id);
  std::shared_ptr<const Computed> Compute(const store::RunRow& run);
  land::Scheme SchemeOf(store::Connection& c, const std::string& county, std::optional<int64_t>* id,
                        int* version);

  store::Database& db_;
  LedgerService& ledger_;
  std::mutex mu_;
  static constexpr size_t kCachedRuns = 16;
  std::map<int64_t, std::shared_ptr<const Computed>> cache_;
};

// Snapshot rows ↔ JSON (exact: doubles round-trip).
nlohmann::json EnterpriseToJson(const land::Enterprise& e);
// The classes of a county's policies as GET /land/policies shows them: also what the policy journal
// keeps as the old value, so the API writes them with this one function.
nlohmann::json PolicyClassesJson(const LandPolicies& p);
land::Enterprise EnterpriseFromJson(const nlohmann::json& j);

}  // namespace gj::service
