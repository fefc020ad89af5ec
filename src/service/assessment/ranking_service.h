// Use cases of periodic rankings (月度评比 / 季度考评 / 年度考核): a scheme of weighted metrics over
// the towns, departments or chains of a region, or the counties of a city; runs computed as of a period end,
// compared with the previous published run, published (then frozen), and printed as a bulletin (xlsx, PDF).
// The scoring is domain/assessment/periodic_ranking.h; this layer gathers the figures.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "domain/assessment/periodic_ranking.h"
#include "service/assessment/region_grants.h"
#include "service/chains/chain_service.h"
#include "service/context.h"
#include "service/item_list.h"
#include "service/ledger/ledger_service.h"
#include "store/assessment_store.h"
#include "store/db.h"

namespace gj::service {

// A period label and its last day: month "2026-03" → 2026-03-31, quarter "2026-Q1" → 2026-03-31,
// year "2026" → 2026-12-31. Empty when the label does not fit the period.
std::optional<Date> PeriodEnd(assessment::Period period, const std::string& label);

struct Bulletin {
  std::string bytes, content_type, filename;
};

// A metric of a scheme as defined, with its label (its own, else its kind's, else its id) and
// where its figures come from (ledger, supervision, manual).
struct RankingMetricView {
  std::string id, kind, label, scoring;
  double weight = 0, target = 1, cap = 1, step = 3;
  std::string source;
};

struct RankingSchemeView {
  store::SchemeRecord record;  // its `definition` text is `metrics` and `warning` below
  std::string region_name;
  std::vector<RankingMetricView> metrics;
  assessment::WarningRule warning;
};

using RankingSchemeList = ItemList<RankingSchemeView>;

// Who a chain subject is (链长制): its chain, its 总链长 and 链长 (names, as of the run's computation).
struct RankingSubjectDetail {
  int64_t chain_id = 0;
  std::string chief_leader, leader;
};

// One scheme with what the caller may do and who this year's run would rank.
struct RankingSchemeDetail {
  struct Subject {
    std::string name;
    size_t projects = 0;
    std::string chief_leader, leader;  // chain subjects: 总链长, 链长
  };
  RankingSchemeView scheme;
  bool can_manage = false;
  std::vector<Subject> subjects;
};

// A run as stored: its entries (scores as stored, to six decimals), the figures behind them
// (subject → metric → value) and the labels of the metrics it was scored on (none for runs stored
// before runs kept their definition).
struct RankingRunView {
  struct MetricLabel {
    std::string id, label;
  };
  store::RunRecord record;  // its `body` text is the fields below
  std::string scheme_name;
  std::vector<MetricLabel> metrics;
  std::vector<assessment::RunEntry> entries;
  std::map<std::string, std::map<std::string, double>> figures;
  std::map<std::string, RankingSubjectDetail> subject_details;  // chain subjects (runs of chains)
};

using RankingRunList = ItemList<RankingRunView>;

// A run with the scheme as it was when the run was computed.
struct RankingRunDetail {
  RankingRunView run;
  RankingSchemeView scheme;
};

class RankingService {
 public:
  RankingService(store::Database& db, LedgerService& ledger)
      : db_(db),
        ledger_(ledger),
        grants_(ledger, access::kRankingManage, access::kRankingRead),
        chains_(db, ledger) {}

  Result<RankingSchemeList> ListSchemes(const Ctx& ctx, bool include_archived = false);
  // body {"name", "region_code", "subject_kind": town|department|chain|county (county: a city's
  // counties, only for a city), "metrics": [...], "warning": {...}}
  Result<RankingSchemeView> CreateScheme(const Ctx& ctx, const nlohmann::json& body);
  Result<RankingSchemeDetail> GetScheme(const Ctx& ctx, int64_t id);
  // body {"version", "name"?, "metrics"?, "warning"?}: later runs use the new definition, runs
  // already computed keep theirs. Region and subject kind cannot change (a new scheme).
  Result<RankingSchemeView> UpdateScheme(const Ctx& ctx, int64_t id, const nlohmann::json& body);
  // body {"version"}: hidden from the list, no new runs; its runs stay readable.
  Result<RankingSchemeView> ArchiveScheme(const Ctx& ctx, int64_t id, const nlohmann::json& body);
  // body {"period": month|quarter|year, "period_label", "as_of"?, "manual": {subject: {metric: value}}}
  Result<RankingRunView> Compute(const Ctx& ctx, int64_t scheme_id, const nlohmann::json& body);
  Result<RankingRunList> ListRuns(const Ctx& ctx, int64_t scheme_id);
  Result<RankingRunDetail> GetRun(const Ctx& ctx, int64_t run_id);
  Result<RankingRunView> Publish(const Ctx& ctx, int64_t run_id, const nlohmann::json& body);
  Result<Bulletin> MakeBulletin(const Ctx& ctx, int64_t run_id, const std::string& format);

 private:
  Result<store::SchemeRecord> LoadScheme(store::Connection& c, const Ctx& ctx, int64_t id);
  RankingSchemeView SchemeView(const store::SchemeRecord& s);
  // Writes `next` over `old` (version + 1), journals the change as `action`, commits.
  Result<RankingSchemeView> SaveScheme(store::Connection& c, store::Transaction& tx, const Ctx& ctx,
                                       const store::SchemeRecord& old, store::SchemeRecord next,
                                       const std::string& action);
  struct SubjectSet {
    std::map<std::string, std::vector<ledger::Project>> projects;  // subject → its projects of the year
    std::map<int64_t, std::string> unit_name;                      // department subjects by unit id
    std::map<std::string, store::Chain> chain;                     // chain subjects: their chain
    std::map<std::string, RankingSubjectDetail> details;           // chain subjects: who leads them
  };
  // The towns or departments of the scheme's region, the counties of a city, or the 链长制 chains
  // of the region and below (each with or without projects), and their projects of `year`.
  SubjectSet Subjects(store::Connection& c, const Ctx& ctx, const store::SchemeRecord& s, int year);
  // A subject's figures for the computed metrics: a value, or not applicable (nothing was due).
  struct ComputedFigures {
    std::map<std::string, double> values;  // metric id → figure
    std::set<std::string> not_applicable;  // metric ids with nothing due (不适用)
    size_t projects = 0;
    std::optional<RankingSubjectDetail> detail;  // chain subjects
  };
  // Subject name → its figures for the computed metrics, as of a date, from dated facts only
  // (reports on time count the tasks due from the period's first day).
  std::map<std::string, ComputedFigures> LedgerFigures(store::Connection& c, const Ctx& ctx,
                                                       const store::SchemeRecord& s,
                                                       const assessment::Scheme& scheme,
                                                       const Date& period_start, const Date& as_of);

  store::Database& db_;
  LedgerService& ledger_;
  RegionGrants grants_;
  ChainService chains_;  // a chain's dated figures (FiguresOf)
};

// The stored form of a run ↔ the domain run.
assessment::RankingRun RunFrom(const store::RunRecord& r, const std::string& scheme_name);
assessment::Scheme SchemeFrom(const store::SchemeRecord& s);

}  // namespace gj::service
