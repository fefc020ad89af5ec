// Targets over the dated facts of investment attraction (issue 15 item 4): funds in place (到位资金,
// yuan; 外资, USD) against a yearly amount, and composite goals such as 东阿's "420" whose parts
// each count something by a date. Every figure counts what is dated within the deadline's year up
// to min(as_of, deadline) — never a current state — so any past date can be recomputed. Pure.
//
// Part metrics (kPartMetrics; a part row names one, policy lives in the rows):
// - projects_started: ledger projects of the part's set (categories/track/kind/level, archived
//   excluded) whose actual start lies in the year up to the date; projected adds those not started
//   yet whose planned start lies in the year up to the deadline.
// - backbone_growing (骨干企业发展良好): enterprises tagged backbone whose latest known growth is
//   positive on both counts: for the latest year y ≤ the date's year with revenue and tax known for
//   y and y−1, revenue(y) > revenue(y−1) AND tax(y) > tax(y−1). Yearly figures carry no day, so the
//   figure is the same all year; projected = value.
// - leads_landed (意向项目签约落地): leads whose 签约 (signed) step is dated by the date and whose
//   落地 (registered) step is dated within the year up to the date; projected linear over the year.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/attraction/pipeline.h"
#include "domain/targets/target.h"

namespace gj::targets {

// An enterprise tagged backbone and its yearly figures (yuan; nullopt: not known).
struct BackboneFacts {
  int64_t id = 0;
  std::string name;
  struct Year {
    std::optional<int64_t> revenue, tax;
  };
  std::map<int, Year> years;
};

// What a target of the region may count: its projects (not yet filtered by the target), leads with
// their steps, funds entries of those leads, backbone enterprises.
struct TargetFacts {
  std::vector<ledger::Project> projects;
  std::vector<attraction::LeadFacts> leads;
  std::vector<attraction::FundsFact> funds;
  std::vector<BackboneFacts> backbone;
};

// Whether the metric reads facts beyond the region's projects (leads, funds, enterprises).
bool NeedsAttraction(const Target& t);
bool NeedsBackbone(const Target& t);

// Developing well in `year` as defined above.
bool DevelopingWell(const BackboneFacts& e, int year);

// Funds in place of the months `year`-01 … the month of `at` (yuan, or USD with usd).
int64_t FundsInYear(const std::vector<attraction::FundsFact>& funds, int year, const Date& at, bool usd);

// Any target: the project metrics through Evaluate (the projects filtered by InSet), funds and
// composite from the facts.
TargetStatus EvaluateWith(const Target& t, const TargetFacts& facts, const Date& as_of);

// 资金到位率 of a region on a day: the funds in place of the day's year ÷ the threshold of the
// region's funds_in_place target whose deadline lies in that year (the earliest one); nullopt when
// there is none (or its threshold is 0).
std::optional<double> FundsRate(const std::vector<Target>& targets, const std::string& region,
                                const std::vector<attraction::FundsFact>& funds, const Date& as_of);

}  // namespace gj::targets
