#include "domain/supervision/light.h"

#include <cmath>
#include <cstdio>

#include "common/json_field.h"
#include "common/json_limits.h"
#include "common/json_shape.h"

namespace gj::supervision {

const std::vector<std::string> kLightPresets = {"default", "sanya", "wuhan"};

const char* LightName(Light l) {
  switch (l) {
    case Light::kRed: return "red";
    case Light::kYellow: return "yellow";
    default: return "green";
  }
}

std::optional<Light> ParseLight(const std::string& s) {
  if (s == "green") return Light::kGreen;
  if (s == "yellow") return Light::kYellow;
  if (s == "red") return Light::kRed;
  return std::nullopt;
}

LightRules PresetRules(const std::string& preset) {
  LightRules r;
  if (preset == "sanya") {
    // Yellow when completion is below 序时进度 by at most 50 %, red beyond.
    r.preset = "sanya";
    r.lag_mode = LagMode::kShare;
    r.share_yellow = 1.0;
    r.share_red = 0.5;
  } else if (preset == "wuhan") {
    // Red below 60 % of 序时进度, yellow below 80 %.
    r.preset = "wuhan";
    r.lag_mode = LagMode::kShare;
    r.share_yellow = 0.8;
    r.share_red = 0.6;
  }
  return r;
}

nlohmann::json ToJson(const LightRules& r) {
  using R = LightRules;
  static const JFields<R> kFields = Join<R>(
      GJ_JSON_FIELDS(R, preset, start_red_months),
      JField<&R::lag_mode>("lag_mode", [](LagMode m) { return m == LagMode::kPoints ? "points" : "share"; }),
      GJ_JSON_FIELDS(R, lag_yellow_points, lag_red_points, share_yellow, share_red, problem_red_days,
                     missing_reports_yellow, stopped_light, blocking_procedure_light));
  return ObjectOf(r, kFields);
}

Result<LightRules> RulesFromJson(const nlohmann::json& j) {
  if (!j.is_object()) return Error::BadRequest("the rules must be a JSON object");
  Problems pr;
  const std::string preset = j.value("preset", std::string("default"));
  if (std::find(kLightPresets.begin(), kLightPresets.end(), preset) == kLightPresets.end()) {
    pr.Add({"preset", preset, "unknown preset", 0, kLightPresets});
  }
  LightRules r = PresetRules(preset);
  auto num = [&](const char* key, double& out, double lo, double hi) {
    if (!j.contains(key)) return;
    if (!j[key].is_number() || j[key].get<double>() < lo || j[key].get<double>() > hi) {
      pr.Add(key, BoundedDump(j[key]),
             "must be a number from " + std::to_string(lo) + " to " + std::to_string(hi));
      return;
    }
    out = j[key].get<double>();
  };
  auto integer = [&](const char* key, int& out, int lo, int hi) {
    double v = out;
    num(key, v, lo, hi);
    out = static_cast<int>(v);
  };
  auto light = [&](const char* key, std::string& out) {
    if (!j.contains(key)) return;
    if (!j[key].is_string() || !ParseLight(j[key].get<std::string>())) {
      pr.Add({key, BoundedDump(j[key]), "not a light", 0, {"green", "yellow", "red"}});
      return;
    }
    out = j[key].get<std::string>();
  };
  integer("start_red_months", r.start_red_months, 1, 24);
  if (j.contains("lag_mode")) {
    const auto m = j["lag_mode"].is_string() ? j["lag_mode"].get<std::string>() : "";
    if (m == "points") r.lag_mode = LagMode::kPoints;
    else if (m == "share") r.lag_mode = LagMode::kShare;
    else pr.Add({"lag_mode", BoundedDump(j["lag_mode"]), "unknown mode", 0, {"points", "share"}});
  }
  num("lag_yellow_points", r.lag_yellow_points, 0, 100);
  num("lag_red_points", r.lag_red_points, 0, 100);
  num("share_yellow", r.share_yellow, 0, 1);
  num("share_red", r.share_red, 0, 1);
  integer("problem_red_days", r.problem_red_days, 0, 365);
  integer("missing_reports_yellow", r.missing_reports_yellow, 1, 52);
  light("stopped_light", r.stopped_light);
  light("blocking_procedure_light", r.blocking_procedure_light);
  if (r.lag_red_points < r.lag_yellow_points)
    pr.Add("lag_red_points", std::to_string(r.lag_red_points), "must not be below lag_yellow_points");
  if (r.share_red > r.share_yellow)
    pr.Add("share_red", std::to_string(r.share_red), "must not be above share_yellow");
  if (!pr.empty()) return pr.ToError("the light rules are not valid");
  return r;
}

int ElapsedMonths(const Date& d) { return d.month - 1 + (d.day == DaysInMonth(d.year, d.month) ? 1 : 0); }

std::optional<double> ScheduleShare(const ledger::Project& p, const std::vector<int64_t>& monthly_plan,
                                    const Date& d) {
  const int m = ElapsedMonths(d);
  if (!p.annual_plan || *p.annual_plan <= 0 || m == 0) return std::nullopt;
  if (monthly_plan.size() == 12) {
    return static_cast<double>(monthly_plan[m - 1]) / static_cast<double>(*p.annual_plan);
  }
  return m / 12.0;
}

namespace {

std::string Fmt(const char* f, double a, double b = 0) {
  char buf[160];
  std::snprintf(buf, sizeof buf, f, a, b);
  return buf;
}

Date AddMonths(const Date& d, int n) {
  int y = d.year, m = d.month + n;
  while (m > 12) m -= 12, ++y;
  return {y, m, std::min(d.day, DaysInMonth(y, m))};
}

void StartRule(const ledger::Project& p, const LightRules& r, const Date& as_of,
               std::vector<LightReason>& out) {
  if (p.track == "preparatory" || !p.planned_start) return;
  if (p.actual_start && *p.actual_start <= as_of) return;
  const Date& ps = *p.planned_start;
  if (AddMonths(ps, r.start_red_months) <= as_of) {
    out.push_back(
        {"start", Light::kRed,
         "计划" + ps.ToString() + "开工，逾期" + std::to_string(r.start_red_months) + "个月以上未开工"});
  } else if (ps < as_of) {
    out.push_back({"start", Light::kYellow,
                   "计划" + ps.ToString() + "开工，已逾期" + std::to_string(as_of.ToDays() - ps.ToDays()) +
                       "天未开工"});
  } else if (ps.year == as_of.year && ps.month == as_of.month) {
    out.push_back({"start", Light::kYellow, "计划本月（" + ps.ToString() + "）开工，尚未开工"});
  }
}

void InvestmentRule(const LightInput& in, const LightRules& r, const Date& as_of, ProjectLight& out) {
  const ledger::Project& p = *in.project;
  const bool under_way = p.kind == "continuing" || (p.actual_start && *p.actual_start <= as_of);
  const auto share = ScheduleShare(p, in.monthly_plan, as_of);
  if (!under_way || !share || *share <= 0) return;
  const int64_t done = in.completed_this_year.value_or(p.annual_completed.value_or(0));
  const double completion = static_cast<double>(done) / static_cast<double>(*p.annual_plan);
  out.schedule_percent = *share * 100;
  out.completion_percent = completion * 100;
  if (r.lag_mode == LagMode::kPoints) {
    const double lag = (*share - completion) * 100;
    // Rounded to 1e-9 so that exactly 10.00 points counts as 10.
    const double lag_r = std::round(lag * 1e6) / 1e6;
    if (lag_r > r.lag_red_points) {
      out.reasons.push_back({"investment", Light::kRed,
                             Fmt("投资完成%.1f%%，落后序时进度%.1f个百分点", completion * 100, lag)});
    } else if (lag_r >= r.lag_yellow_points) {
      out.reasons.push_back({"investment", Light::kYellow,
                             Fmt("投资完成%.1f%%，落后序时进度%.1f个百分点", completion * 100, lag)});
    }
    return;
  }
  const double ratio = std::round(completion / *share * 1e6) / 1e6;
  if (ratio < r.share_red) {
    out.reasons.push_back({"investment", Light::kRed,
                           Fmt("投资完成%.1f%%，仅达序时进度的%.0f%%", completion * 100, ratio * 100)});
  } else if (ratio < r.share_yellow) {
    out.reasons.push_back({"investment", Light::kYellow,
                           Fmt("投资完成%.1f%%，为序时进度的%.0f%%", completion * 100, ratio * 100)});
  }
}

}  // namespace

ProjectLight ComputeLight(const LightInput& in, const LightRules& r, const Date& as_of) {
  ProjectLight out;
  const ledger::Project& p = *in.project;
  out.project_id = p.id;
  StartRule(p, r, as_of, out.reasons);
  InvestmentRule(in, r, as_of, out);
  for (const auto& prob : in.open_problems) {
    const int64_t days = as_of.ToDays() - prob.deadline.ToDays();
    if (days <= 0) continue;
    out.reasons.push_back({"problem", days > r.problem_red_days ? Light::kRed : Light::kYellow,
                           "问题（" + prob.title + "）逾期" + std::to_string(days) + "天未销号"});
  }
  if (in.consecutive_missing_reports >= r.missing_reports_yellow) {
    out.reasons.push_back(
        {"report", Light::kYellow, "连续" + std::to_string(in.consecutive_missing_reports) + "期未报送进度"});
  }
  if (!in.blocking_procedures.empty()) {
    // One reason for all of them: the list is what the office chases, one line per project.
    std::string names;
    for (const auto& name : in.blocking_procedures) names += (names.empty() ? "" : "、") + name;
    out.reasons.push_back({"procedure", *ParseLight(r.blocking_procedure_light),
                           "前期手续未办结（" + names + "），影响计划开工"});
  }
  if (in.stopped_reason)
    out.reasons.push_back({"stopped", *ParseLight(r.stopped_light), "停工：" + *in.stopped_reason});
  for (const auto& reason : out.reasons) out.light = std::max(out.light, reason.light);
  return out;
}

}  // namespace gj::supervision
