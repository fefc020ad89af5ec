#include "domain/attraction/pipeline.h"

#include <algorithm>
#include <cstdio>

namespace gj::attraction {

const std::vector<std::string> kPipelineSteps = {"lead",       "negotiating", "signed",
                                                 "registered", "started",     "operating"};
const char* const kPaused = "paused";
const char* const kResumed = "resumed";
const char* const kEnded = "ended";

const std::vector<std::string>& AllSteps() {
  static const std::vector<std::string> kAll = [] {
    auto v = kPipelineSteps;
    v.insert(v.end(), {kPaused, kResumed, kEnded});
    return v;
  }();
  return kAll;
}

int Rank(const std::string& step) {
  const auto it = std::find(kPipelineSteps.begin(), kPipelineSteps.end(), step);
  return it == kPipelineSteps.end() ? -1 : static_cast<int>(it - kPipelineSteps.begin());
}

namespace {

// The steps in date order; steps of one day keep the order they were given (recorded) in.
std::vector<StepFact> InDateOrder(std::vector<StepFact> steps) {
  std::stable_sort(steps.begin(), steps.end(),
                   [](const StepFact& a, const StepFact& b) { return a.dated_on < b.dated_on; });
  return steps;
}

}  // namespace

LeadStatus StatusAsOf(const LeadFacts& lead, const Date& as_of) {
  LeadStatus s;
  if (lead.created_on > as_of) return s;
  s.exists = true;
  int furthest = 0;
  for (const auto& st : InDateOrder(lead.steps)) {
    if (st.dated_on > as_of) break;
    if (const int r = Rank(st.step); r >= 0) {
      furthest = std::max(furthest, r);
      if (st.step == "signed" && !s.signed_on) s.signed_on = st.dated_on;
      if (st.step == "started" && !s.started_on) s.started_on = st.dated_on;
    } else if (st.step == kPaused) {
      s.paused = true;
    } else if (st.step == kResumed) {
      s.paused = false;
    } else if (st.step == kEnded) {
      s.ended = true;
    }
  }
  s.furthest = kPipelineSteps[static_cast<size_t>(furthest)];
  return s;
}

std::string MonthOf(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
  return buf;
}

bool IsMonth(const std::string& month) {
  if (month.size() != 7 || month[4] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6}) {
    if (month[i] < '0' || month[i] > '9') return false;
  }
  const int m = (month[5] - '0') * 10 + (month[6] - '0');
  return m >= 1 && m <= 12 && month.substr(0, 4) >= "1900";
}

Summary Summarize(const std::vector<LeadFacts>& leads, const std::vector<FundsFact>& funds,
                  const Date& as_of) {
  Summary out;
  for (const auto& step : kPipelineSteps) out.leads_by_step[step] = 0;
  out.leads_by_step[kEnded] = 0;
  std::vector<int64_t> ids;
  for (const auto& lead : leads) {
    const LeadStatus s = StatusAsOf(lead, as_of);
    if (!s.exists) continue;
    ids.push_back(lead.id);
    ++out.leads_by_step[s.ended ? kEnded : s.furthest];
    if (s.paused && !s.ended) ++out.paused_count;
    if (s.signed_on) {
      ++out.signed_count;
      out.signed_amount += lead.expected_investment;
      if (lead.expected_investment >= kHundredMillion) {
        ++out.signed_100m_count;
        out.signed_100m_amount += lead.expected_investment;
      }
    }
    if (s.started_on) ++out.started_count;
  }
  std::sort(ids.begin(), ids.end());
  const std::string last_month = MonthOf(as_of);
  for (const auto& f : funds) {
    if (f.month > last_month || !std::binary_search(ids.begin(), ids.end(), f.lead_id)) continue;
    out.funds_in_place += f.fixed_assets + f.working_capital;
    out.funds_in_place_usd += f.foreign_usd;
  }
  if (out.signed_count > 0) {
    int64_t signed_and_started = 0;
    for (const auto& lead : leads) {
      const LeadStatus s = StatusAsOf(lead, as_of);
      if (s.exists && s.signed_on && s.started_on) ++signed_and_started;
    }
    out.performance_rate = static_cast<double>(signed_and_started) / static_cast<double>(out.signed_count);
  }
  return out;
}

std::optional<StepProblem> CheckStep(const std::vector<StepFact>& existing, const std::string& step,
                                     const Date& on) {
  const auto steps = InDateOrder(existing);
  int furthest = -1;
  bool paused = false, ended = false;
  for (const auto& st : steps) {
    if (const int r = Rank(st.step); r >= 0) furthest = std::max(furthest, r);
    else if (st.step == kPaused) paused = true;
    else if (st.step == kResumed) paused = false;
    else if (st.step == kEnded) ended = true;
  }
  if (ended) return StepProblem{"step", "rule attraction.lead_ended: the lead has ended"};
  const int rank = Rank(step);
  if (rank >= 0) {
    if (paused)
      return StepProblem{"step", "rule attraction.lead_paused: the lead is paused; resume it first"};
    if (rank != furthest + 1)
      return StepProblem{"step", "rule attraction.step_forward: the next step is " +
                                     (furthest + 1 < static_cast<int>(kPipelineSteps.size())
                                          ? kPipelineSteps[static_cast<size_t>(furthest + 1)]
                                          : std::string("none"))};
  } else if (step == kPaused) {
    if (paused)
      return StepProblem{"step", "rule attraction.lead_paused: the lead is paused; resume it first"};
    if (furthest < 0) return StepProblem{"step", "rule attraction.step_forward: the next step is lead"};
  } else if (step == kResumed) {
    if (!paused) return StepProblem{"step", "rule attraction.not_paused: the lead is not paused"};
  } else if (step != kEnded) {
    return StepProblem{"step", "not one of the allowed values"};
  }
  if (!steps.empty() && on < steps.back().dated_on)
    return StepProblem{"dated_on", "rule attraction.step_date: before the previous step's date " +
                                       steps.back().dated_on.ToString()};
  return std::nullopt;
}

}  // namespace gj::attraction
