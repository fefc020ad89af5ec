// 红黄绿灯: the warning light of a project as of a date, with the reason for each light. Pure: the
// service gathers the facts (the project, its reports, problems, procedures, stop requests) into a
// LightInput; the rules are data (LightRules, presets default / sanya / wuhan).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/date.h"
#include "common/result.h"
#include "domain/ledger/project.h"

namespace gj::supervision {

enum class Light { kGreen = 0, kYellow = 1, kRed = 2 };
const char* LightName(Light l);  // green, yellow, red
std::optional<Light> ParseLight(const std::string& s);

// How investment lag is judged: in percentage points of the annual plan (the default rule), or as
// a share of 序时进度 (the Sanya and Wuhan presets).
enum class LagMode { kPoints, kShare };

struct LightRules {
  std::string preset = "default";
  // 开工: planned start this month and not started → yellow; planned start passed → yellow;
  // not started `start_red_months` months after the planned start → red.
  int start_red_months = 3;
  LagMode lag_mode = LagMode::kPoints;
  double lag_yellow_points = 10, lag_red_points = 30;  // kPoints: lag ≥ yellow → yellow, lag > red → red
  double share_yellow = 1.0, share_red = 0.5;  // kShare: completion/序时 < yellow → yellow, < red → red
  int problem_red_days = 30;                   // overdue problem: yellow, beyond this → red
  int missing_reports_yellow = 2;              // consecutive missing reports → yellow
  std::string stopped_light = "yellow";        // an approved 停工 shows as this light
  std::string blocking_procedure_light = "yellow";  // a procedure blocking the planned start
};

LightRules PresetRules(const std::string& preset);  // default, sanya, wuhan (unknown → default)
extern const std::vector<std::string> kLightPresets;
nlohmann::json ToJson(const LightRules& r);
// A preset name plus overrides; every bad field is reported.
Result<LightRules> RulesFromJson(const nlohmann::json& j);

struct OverdueProblem {
  int64_t id = 0;
  std::string title;
  Date deadline;
};

struct LightInput {
  const ledger::Project* project = nullptr;
  // Completed this year as of the date (from the latest approved report); empty: the ledger figure.
  std::optional<int64_t> completed_this_year;
  // Monthly cumulative plan (12 entries, yuan) when the project has one; empty: annual plan × m/12.
  std::vector<int64_t> monthly_plan;
  int consecutive_missing_reports = 0;
  std::vector<OverdueProblem> open_problems;     // open problems with a deadline
  std::vector<std::string> blocking_procedures;  // procedures not approved that block the start
  std::optional<std::string> stopped_reason;     // an approved 停工 in force
};

struct LightReason {
  std::string rule;  // start, investment, problem, report, procedure, stopped
  Light light = Light::kGreen;
  std::string text;  // Chinese, for the dashboard and the bulletin
};

struct ProjectLight {
  int64_t project_id = 0;
  Light light = Light::kGreen;
  std::vector<LightReason> reasons;
  std::optional<double> schedule_percent, completion_percent;  // 序时进度 and completion, % of annual plan
};

// Full months elapsed in the year as of `d` (a month counts once its last day is reached).
int ElapsedMonths(const Date& d);
// 序时进度 as a share of the annual plan (0..1) as of `d`; empty when nothing is due yet.
std::optional<double> ScheduleShare(const ledger::Project& p, const std::vector<int64_t>& monthly_plan,
                                    const Date& d);

ProjectLight ComputeLight(const LightInput& in, const LightRules& rules, const Date& as_of);

}  // namespace gj::supervision
