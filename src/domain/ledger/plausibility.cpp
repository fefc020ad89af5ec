#include "domain/ledger/plausibility.h"

#include <cmath>
#include <cstdio>
#include <set>
#include <tuple>

namespace gj::ledger {

namespace {

// A threshold from its row: a finite number within [lo, hi], else the default.
double Threshold(const std::optional<std::string>& text, double fallback, double lo, double hi) {
  if (!text) return fallback;
  try {
    size_t used = 0;
    const double v = std::stod(*text, &used);
    if (used == text->size() && std::isfinite(v) && v >= lo && v <= hi) return v;
  } catch (const std::exception&) {}
  return fallback;
}

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

void Bound(const char* field, const std::optional<int64_t>& v, std::vector<Breach>& out) {
  if (v && *v > kMaxAmountYuan) out.push_back({kRuleAmountBound, field, *v, kMaxAmountYuan, "bound"});
}

// plan × factor, rounded down to the yuan.
int64_t Times(int64_t plan, double factor) {
  return static_cast<int64_t>(std::floor(static_cast<double>(plan) * factor));
}

std::string Reason(const Breach& b) {
  std::string r = std::string("rule ") + b.rule + ": ";
  if (b.rule == kRuleAmountBound) {
    return AmountBoundReason();  // the same words wherever an amount is refused
  } else if (b.rule == kRuleCompletedAbovePlan) {
    r += "above " + Num(b.factor) + " × the annual plan (" + std::to_string(b.limit) + " yuan)";
  } else if (b.rule == kRulePlanAboveTotal) {
    r += "above the total investment (" + std::to_string(b.limit) + " yuan)";
  } else if (b.rule == kRuleCumulativeFalls) {
    r += "below the cumulative figure of the previous report (" + std::to_string(b.limit) + " yuan)";
  } else if (b.rule == kRuleProgressJump) {
    r += "progress up " + Num(b.points) + " points since the previous report (" + std::to_string(b.limit) +
         " yuan)";
  } else if (b.rule == kRulePhotoReused) {
    r += "the photo " + b.photo + " was filed before" +
         (b.other_period.empty() ? "" : " (" + b.other_project + " " + b.other_period + ")");
  } else {
    r += "completion " + Num(b.points) + " points ahead of the schedule";
  }
  return r;
}

bool Changed(const Project* before, std::optional<int64_t> Project::*m, const Project& p) {
  return !before || before->*m != p.*m;
}

}  // namespace

PlausibilityPolicy PolicyFromSettings(const std::optional<std::string>& completed_plan_factor,
                                      const std::optional<std::string>& jump_points,
                                      const std::optional<std::string>& ahead_points) {
  const PlausibilityPolicy d;
  return {Threshold(completed_plan_factor, d.completed_plan_factor, 1, 100),
          Threshold(jump_points, d.jump_points, 1, 100), Threshold(ahead_points, d.ahead_points, 1, 100)};
}

void to_json(nlohmann::json& j, const Breach& b) {
  j = {{"code", b.rule},   {"rule", b.rule},   {"field", b.field},
       {"value", b.value}, {"limit", b.limit}, {"limit_of", b.limit_of}};
  if (b.rule == kRuleCompletedAbovePlan) j["factor"] = b.factor;
  if (b.points != 0) j["points"] = std::round(b.points * 10) / 10;
  if (b.rule == kRulePhotoReused) {
    j["photo"] = b.photo;
    // null when the caller may not read the other project: nothing of it is told
    j["other_period"] = b.other_period.empty() ? nlohmann::json() : nlohmann::json(b.other_period);
    j["other_project"] = b.other_period.empty() ? nlohmann::json() : nlohmann::json(b.other_project);
  }
}

std::vector<Breach> ProjectBreaches(const Project& p, const PlausibilityPolicy& pol, const Project* before) {
  std::vector<Breach> out;
  for (auto [field, m] : {std::pair{"total_investment", &Project::total_investment},
                          std::pair{"annual_plan", &Project::annual_plan},
                          std::pair{"annual_completed", &Project::annual_completed}}) {
    if (Changed(before, m, p)) Bound(field, p.*m, out);
  }
  if (!out.empty()) return out;  // the ratios of an absurd figure say nothing more
  // A negative figure is invalid (ValidateProject says so): no ratio is asked of it.
  if (p.total_investment.value_or(0) < 0 || p.annual_plan.value_or(0) < 0 ||
      p.annual_completed.value_or(0) < 0)
    return out;
  const bool plan_or_completed =
      Changed(before, &Project::annual_plan, p) || Changed(before, &Project::annual_completed, p);
  if (plan_or_completed && p.annual_plan && p.annual_completed && *p.annual_plan > 0 &&
      *p.annual_completed > Times(*p.annual_plan, pol.completed_plan_factor)) {
    out.push_back({kRuleCompletedAbovePlan, "annual_completed", *p.annual_completed,
                   Times(*p.annual_plan, pol.completed_plan_factor), "annual_plan",
                   pol.completed_plan_factor});
  }
  const bool plan_or_total =
      Changed(before, &Project::annual_plan, p) || Changed(before, &Project::total_investment, p);
  if (plan_or_total && p.annual_plan && p.total_investment && *p.annual_plan > *p.total_investment) {
    out.push_back(
        {kRulePlanAboveTotal, "annual_plan", *p.annual_plan, *p.total_investment, "total_investment"});
  }
  return out;
}

std::vector<Breach> ReportBreaches(const ReportFigures& r, const PlausibilityPolicy& pol) {
  std::vector<Breach> out;
  Bound("investment_period", r.investment_period, out);
  Bound("investment_year", r.investment_year, out);
  for (const auto& [key, v] : r.sources) {
    if (v > kMaxAmountYuan) out.push_back({kRuleAmountBound, "by_source." + key, v, kMaxAmountYuan, "bound"});
  }
  if (!out.empty() || r.investment_period < 0 || r.investment_year < 0) return out;  // invalid: said so
  if (r.annual_plan && *r.annual_plan > 0 &&
      r.investment_year > Times(*r.annual_plan, pol.completed_plan_factor)) {
    out.push_back({kRuleCompletedAbovePlan, "investment_year", r.investment_year,
                   Times(*r.annual_plan, pol.completed_plan_factor), "annual_plan",
                   pol.completed_plan_factor});
  }
  if (r.previous_year_total && r.investment_year < *r.previous_year_total) {
    out.push_back({kRuleCumulativeFalls, "investment_year", r.investment_year, *r.previous_year_total,
                   "previous_report"});
  }
  return out;
}

std::vector<Breach> ReportWarnings(const ReportFigures& r, const PlausibilityPolicy& pol) {
  std::vector<Breach> out;
  if (!r.annual_plan || *r.annual_plan <= 0) return out;  // progress is a share of the plan
  const double plan = static_cast<double>(*r.annual_plan);
  const double done = static_cast<double>(r.investment_year) / plan * 100;
  // Rounded to 1e-6 so that exactly 30 points is not more than 30.
  auto over = [](double points, double limit) { return std::round(points * 1e6) / 1e6 > limit; };
  if (r.previous_year_total) {
    const double jump = done - static_cast<double>(*r.previous_year_total) / plan * 100;
    if (over(jump, pol.jump_points)) {
      Breach b{kRuleProgressJump, "investment_year", r.investment_year, *r.previous_year_total,
               "previous_report"};
      b.points = jump;
      out.push_back(std::move(b));
    }
  }
  if (r.schedule_share) {
    const double ahead = done - *r.schedule_share * 100;
    if (over(ahead, pol.ahead_points)) {
      Breach b{kRuleAheadOfSchedule, "investment_year", r.investment_year,
               static_cast<int64_t>(std::llround(*r.schedule_share * plan)), "schedule"};
      b.points = ahead;
      out.push_back(std::move(b));
    }
  }
  return out;
}

std::vector<Breach> PhotoWarnings(int64_t report_id, int64_t project_id, const Date& period_end,
                                  const std::vector<PhotoHash>& photos,
                                  const std::vector<FiledPhoto>& filed) {
  std::vector<Breach> out;
  std::set<std::string> seen;
  for (const auto& p : photos) {
    if (p.sha256.empty() || !seen.insert(p.sha256).second) continue;
    const FiledPhoto* best = nullptr;
    for (const auto& f : filed) {
      if (f.sha256 != p.sha256 || f.report_id == report_id) continue;
      if (f.project_id == project_id && !(f.period_end < period_end)) continue;  // a later one: it reused
      // The readable first, then the earliest period, then the first filed.
      auto key = [](const FiledPhoto& x) { return std::tuple(!x.readable, x.period_end, x.report_id); };
      if (!best || key(f) < key(*best)) best = &f;
    }
    if (!best) continue;
    Breach b{kRulePhotoReused, "photos", p.photo_id, 0, "other_report"};
    b.photo = p.filename;
    if (best->readable) {
      b.limit = best->report_id;
      b.other_period = best->period;
      b.other_project = best->project_name;
    }
    out.push_back(std::move(b));
  }
  return out;
}

void AddBreaches(Problems& pr, const std::vector<Breach>& breaches) {
  for (const auto& b : breaches) pr.Add(b.field, std::to_string(b.value), Reason(b));
}

Error PlausibilityError(const Problems& pr, const std::vector<Breach>& breaches, std::string message) {
  Error e = pr.ToError(std::move(message));
  if (!breaches.empty()) e.extra = {{"plausibility", breaches}};
  return e;
}

}  // namespace gj::ledger
