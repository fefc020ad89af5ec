// Periodic rankings (月度评比 / 季度考评 / 年度考核) of towns, departments and chains: a scheme of
// weighted metrics turns each subject's figures into a score, subjects are ranked, compared with
// the previous run (↑↓) and put on a red/yellow list. Pure: the figures (start rate, …) come in as
// values computed elsewhere "as of" the period end. A metric with nothing due for a subject (no new
// project to start, no annual plan…) is not applicable (不适用) to it: its weight is spread over the
// subject's other metrics (see ComputeRun); the dispatch bulletin ranks with the same rule.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "common/result.h"
#include "domain/assessment/ranking.h"

namespace gj::assessment {

enum class MetricKind {
  kStartRate,             // 开工率
  kInvestmentRate,        // 投资完成率
  kProblemsClosedOnTime,  // share of problems closed out by their deadline
  kReportsOnTime,         // share of periodic reports filed on time
  kManual,                // a score entered by the assessing office (e.g. 0..100)
  // 链长制: figures of a chain (chain subjects only; chain_metrics.h computes them).
  kChainProjects,       // 链上项目数
  kChainInvestment,     // 链上项目年度完成投资 (yuan)
  kLeadsSigned,         // 签约线索数
  kProblemsNotOverdue,  // share of the open problems not past their deadline
  kChainReportsOnTime,  // share of the weekly chain reports filed on time
  kChainVisits,         // 巡链诊链 visits
};

enum class MetricScoring {
  kRatioToTarget,  // 100 · min(value / target, cap)
  kRankPoints,     // rank the subjects by value; rank r earns max(0, 100 − step·(r − 1))
};

struct Metric {
  std::string id;  // key into SubjectFigures::values
  MetricKind kind = MetricKind::kManual;
  double weight = 0;
  MetricScoring scoring = MetricScoring::kRatioToTarget;
  double target = 1;  // ratio scoring: the value that earns 100 points
  double cap = 1;     // ratio scoring: the ratio is capped here (1.2 lets over-delivery earn 120)
  double step = 3;    // rank scoring: points lost per place
};

// Yellow when completion is below `yellow_below`; red once a subject has been yellow in
// `red_after` consecutive runs (this one included), i.e. by default two yellows in a row.
struct WarningRule {
  double yellow_below = 0.6;
  int red_after = 2;
};

struct Scheme {
  std::string name;
  std::vector<Metric> metrics;
  WarningRule warning;
};

enum class Period { kMonth, kQuarter, kYear };

struct SubjectFigures {
  std::string subject;                   // town, unit or chain identifier
  std::map<std::string, double> values;  // metric id → figure (rates as fractions: 0.75)
  // Completion for the red/yellow list. When absent: the weighted mean, over the scheme's
  // ratio-to-target metrics, of min(value / target, 1); with no such metric, score / 100.
  std::optional<double> completion;
  // Metric ids with nothing due for this subject (不适用): no figure is needed for them, a figure
  // given anyway is ignored.
  std::set<std::string> not_applicable;
};

// kNone: the entry is not ranked (no metric applies to its subject), so it has no movement.
enum class Movement { kUp, kDown, kSame, kNew, kNone };
enum class Light { kNone, kYellow, kRed };

struct RunEntry {
  std::string subject;
  double score = 0;
  int rank = 0;  // 0: not ranked — no metric of the scheme applies to the subject (listed last)
  std::map<std::string, double> metric_scores;  // the applicable metrics only
  std::set<std::string> not_applicable;         // metric ids shown as 不适用
  double completion = 0;
  Movement movement = Movement::kNew;
  int places_moved = 0;  // previous rank − rank: positive = moved up
  Light light = Light::kNone;
  int yellow_streak = 0;  // consecutive runs below the yellow threshold, this one included
};

struct RankingRun {
  std::string scheme;
  Period period = Period::kMonth;
  std::string period_label;  // "2026-03", "2026-Q1", "2026"
  int version = 1;
  bool published = false;
  std::vector<RunEntry> entries;  // in rank order, then subject
};

// Validates the scheme (metrics with positive weight, positive target and cap, step ≥ 0, ids
// unique) and the figures (every subject has a finite, non-negative figure for every metric that
// applies to it; no subject twice), then scores, ranks and compares with `previous` (the last
// published run of the previous period, if any).
//
// Not applicable (不适用), exactly: let A be the metrics that apply to a subject. Its score is
// Σ_{m∈A} w_m·s_m / Σ_{m∈A} w_m — each applicable metric's weight is scaled by W / Σ_{m∈A} w_m
// (W = the scheme's total weight), i.e. the weight of the metrics that do not apply is spread over
// the others in proportion to their weights (40/30/30 with a 30 not applicable: 40·10/7 and
// 30·10/7, shares 4/7 and 3/7). Rank points rank only the subjects the metric applies to; the
// completion is the same weighted mean over the applicable ratio-to-target metrics (none: score /
// 100). With A empty the subject is not ranked: rank 0, listed after the ranked subjects, no
// score, no light, Movement::kNone; a previous entry with rank 0 counts as absent.
Result<RankingRun> ComputeRun(const Scheme& scheme, Period period, std::string period_label, int version,
                              std::span<const SubjectFigures> figures, const RankingRun* previous);

// The version a recomputation of (scheme, period_label) gets: one more than any stored.
int NextVersion(std::span<const RankingRun> stored, const std::string& scheme,
                const std::string& period_label);

// A published run is frozen: replacing it is refused, a recomputation is stored as a new
// version beside it.
Status Replace(RankingRun& stored, RankingRun recomputed);
Status PublishRun(RankingRun& run);

// The weights of `metrics` for a subject to which the metrics in `not_applicable` do not apply:
// metric id → weight · W / Σ applicable weights (empty when none applies).
std::map<std::string, double> SpreadWeights(std::span<const Metric> metrics,
                                            const std::set<std::string>& not_applicable);

// "↑2", "↓1", "—", "新" — as bulletins print movement ("" for an entry that is not ranked).
std::string MovementLabel(const RunEntry& entry);

}  // namespace gj::assessment
