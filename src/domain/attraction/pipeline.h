// The attraction pipeline (招商线索): a lead moves lead → negotiating → signed → registered →
// started → operating (线索 洽谈 签约 落地 开工 投产) by dated steps, may be paused and resumed
// (暂停/恢复) and ended (终止) with a reason. Every figure is computed from the steps dated by a
// day, never from a current state, so the pipeline of any past date can be recomputed. Pure.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/date.h"

namespace gj::attraction {

// The pipeline steps in order, then the three that are not.
extern const std::vector<std::string>
    kPipelineSteps;  // lead, negotiating, signed, registered, started, operating
extern const char* const kPaused;
extern const char* const kResumed;
extern const char* const kEnded;
// Every step a lead_steps row may name.
const std::vector<std::string>& AllSteps();
// The rank of a pipeline step (lead 0 … operating 5), -1 for anything else.
int Rank(const std::string& step);

// 亿元以上: the size class the offices count (≥ 100,000,000 yuan).
inline constexpr int64_t kHundredMillion = 100'000'000;

struct StepFact {
  std::string step;
  Date dated_on;
};

// A lead as the figures read it: its creation day, its amount and its steps (any order).
struct LeadFacts {
  int64_t id = 0;
  Date created_on;
  int64_t expected_investment = 0;  // yuan
  std::vector<StepFact> steps;
};

// Where a lead stood on a day, from the steps dated on or before it.
struct LeadStatus {
  bool exists = false;   // created on or before the day
  std::string furthest;  // the furthest pipeline step reached ("lead" at least once created)
  bool ended = false;    // an end step is dated by the day
  bool paused = false;   // a pause is dated by the day and no later resume is
  std::optional<Date> signed_on, started_on;
};
LeadStatus StatusAsOf(const LeadFacts& lead, const Date& as_of);

// A funds entry (到位资金) of a lead's month "YYYY-MM": yuan, and foreign capital in USD.
struct FundsFact {
  int64_t lead_id = 0;
  std::string month;
  int64_t fixed_assets = 0, working_capital = 0, foreign_usd = 0;
};

struct Summary {
  std::map<std::string, int64_t> leads_by_step;  // every pipeline step and "ended", 0 included
  int64_t signed_count = 0, signed_amount = 0;
  int64_t signed_100m_count = 0, signed_100m_amount = 0;
  int64_t started_count = 0;
  int64_t funds_in_place = 0, funds_in_place_usd = 0;
  int64_t paused_count = 0;  // leads paused on the day (counted under their step as well)
  // 履约率: of the leads signed by the day, the share started by it; nullopt when none signed.
  std::optional<double> performance_rate;
};
// The figures on `as_of` over `leads` and the funds entries of those leads (entries of other
// leads are ignored): leads created by the day under the furthest step they reached by it (ended
// ones under "ended"); signed_* those whose signed step is dated by the day whatever came after;
// funds of the months up to the day's month.
Summary Summarize(const std::vector<LeadFacts>& leads, const std::vector<FundsFact>& funds,
                  const Date& as_of);

// "YYYY-MM" of a day; a month text is valid when it is that form with a month 01–12.
std::string MonthOf(const Date& d);
bool IsMonth(const std::string& month);

// Whether `step` dated `on` may follow `existing` (the lead's steps, any order), as a reason
// "rule attraction.<code>: …" or nullopt when it may. Pipeline steps go forward one at a time,
// never while paused or after the end; pause needs a running lead, resume a paused one; nothing is
// dated before the lead's latest step.
struct StepProblem {
  std::string field;  // step or dated_on
  std::string reason;
};
std::optional<StepProblem> CheckStep(const std::vector<StepFact>& existing, const std::string& step,
                                     const Date& on);

}  // namespace gj::attraction
