// Plausibility, not only validity (issue 13 item 4): figures a county office would not believe.
// Hard limits refuse the write (422 naming the field, the rule and both figures); soft rules let it
// save with a warning (the response's "warnings", and the reviewer sees them on the report). Pure:
// the policy, the figures and the schedule are arguments.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/money.h"
#include "common/result.h"
#include "domain/ledger/project.h"

namespace gj::ledger {

// Stable rule codes. A hard breach's detail reason starts "rule <code>: " (the convention of every
// rule reason); a warning carries its code.
inline constexpr const char* kRuleAmountBound = "plausible.amount_above_bound";
inline constexpr const char* kRuleCompletedAbovePlan = "plausible.annual_completed_above_plan";
inline constexpr const char* kRulePlanAboveTotal = "plausible.annual_plan_above_total";
inline constexpr const char* kRuleCumulativeFalls = "plausible.cumulative_below_previous";
inline constexpr const char* kRuleProgressJump = "plausible.progress_jump";
inline constexpr const char* kRuleAheadOfSchedule = "plausible.ahead_of_schedule";
inline constexpr const char* kRulePhotoReused = "plausible.photo_reused";

// No amount above 10^12 yuan (1 万亿元 = 1 亿万元): the one bound of every amount, common/money.h.
using gj::kMaxAmountYuan;

// The configurable thresholds: rows of the settings table (policy as data), defaults below.
struct PlausibilityPolicy {
  double completed_plan_factor = 1.5;  // hard: annual completed ≤ annual plan × this
  double jump_points = 30;             // soft: progress up by more than this many points in one report
  double ahead_points = 50;            // soft: completion more than this many points ahead of 序时进度
};
// The setting rows' names (supervision_settings.name) and the policy they hold.
inline constexpr const char* kSettingCompletedPlanFactor = "plausibility.completed_plan_factor";
inline constexpr const char* kSettingJumpPoints = "plausibility.jump_points";
inline constexpr const char* kSettingAheadPoints = "plausibility.ahead_points";
// The rows' texts (absent, unreadable or out of range: that threshold's default).
PlausibilityPolicy PolicyFromSettings(const std::optional<std::string>& completed_plan_factor,
                                      const std::optional<std::string>& jump_points,
                                      const std::optional<std::string>& ahead_points);

// One breach of a rule, with both figures in yuan (the web shows them in 万元).
struct Breach {
  std::string rule;      // kRule…
  std::string field;     // the API field whose figure breaks it
  int64_t value = 0;     // that figure
  int64_t limit = 0;     // the other figure: the bound, plan × factor, the total, the previous report…
  std::string limit_of;  // what the limit is: bound | annual_plan | total_investment | previous_report
                         // | schedule (soft rules: the figure the points are measured from)
  double factor = 1;     // limit = the limit_of figure × factor (annual completed vs plan)
  double points = 0;     // soft rules: by how many percentage points of the annual plan
  // plausible.photo_reused (field "photos", value the photo's id, limit the other report's id,
  // limit_of "other_report"): the photo's filename and where the same bytes were filed before, the
  // other report's period key and project name. Both empty (and limit 0) when the caller may not
  // read that project: the warning then names no project.
  std::string photo, other_period, other_project;
};
// {code, rule (the same), field, value, limit, limit_of, factor?, points?}
void to_json(nlohmann::json& j, const Breach& b);

// Hard limits on a project's figures: amounts bounded, annual completed ≤ annual plan × factor,
// annual plan ≤ total investment. `before` (an edit): only the rules whose figures changed are
// asked, so an old implausible figure does not block editing an unrelated field.
std::vector<Breach> ProjectBreaches(const Project& p, const PlausibilityPolicy& pol,
                                    const Project* before = nullptr);

// A progress report's figures and what they are measured against.
struct ReportFigures {
  int64_t investment_period = 0, investment_year = 0;    // the period's and the year's cumulative
  std::vector<std::pair<std::string, int64_t>> sources;  // by_source.<key> → yuan
  std::optional<int64_t> annual_plan;                    // the project's plan of the report's year
  std::optional<int64_t> previous_year_total;            // the previous filed report's cumulative figure
  std::optional<double> schedule_share;                  // 序时进度 (0..1) at the period's end, when due
};
// Hard: amounts bounded, the year's cumulative ≤ annual plan × factor, never below the previous
// report's.
std::vector<Breach> ReportBreaches(const ReportFigures& r, const PlausibilityPolicy& pol);
// Soft: progress up more than jump_points since the previous report (a week for weekly reports);
// completion more than ahead_points ahead of 序时进度.
std::vector<Breach> ReportWarnings(const ReportFigures& r, const PlausibilityPolicy& pol);

// A photo of the report being checked: its content hash (hex SHA-256).
struct PhotoHash {
  int64_t photo_id = 0;
  std::string filename, sha256;
};
// A photo of another report with one of those hashes, with what the caller may learn of it.
struct FiledPhoto {
  std::string sha256;
  int64_t report_id = 0, project_id = 0;
  std::string period;  // its report's period key
  Date period_end;     // its report's period end (orders the reports of one project)
  std::string project_name;
  bool readable = false;  // the caller may read that project (else it is not named)
};
// Soft: a photo whose bytes were filed before, on a report of the same project for an earlier
// period or on a report of another project (any period: either may be the copy, both are asked).
// One warning per distinct hash (the first photo of this report with it); it names the other
// report the caller may read, else any, the earliest period first. The same photo twice in one
// report is not this rule (`filed` never holds this report's photos; duplicates here are ignored).
std::vector<Breach> PhotoWarnings(int64_t report_id, int64_t project_id, const Date& period_end,
                                  const std::vector<PhotoHash>& photos, const std::vector<FiledPhoto>& filed);

// Adds each breach as a detail {field, value: the figure, reason "rule <code>: …"}.
void AddBreaches(Problems& pr, const std::vector<Breach>& breaches);
// The 422 of `pr` with the breaches' figures as numbers in the body's "plausibility" array.
Error PlausibilityError(const Problems& pr, const std::vector<Breach>& breaches, std::string message);

}  // namespace gj::ledger
