// 时间表: a goal over a filtered set of projects, and its status at any as-of date — met,
// on_track, at_risk or missed — with its value, numerator, denominator and the value projected
// at the deadline from the projects' planned dates. Pure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/date.h"
#include "common/result.h"
#include "domain/ledger/project.h"

namespace gj::targets {

extern const std::vector<std::string> kMetrics;       // start_rate, count_stage, investment_rate, sum_amount
extern const std::vector<std::string> kComparators;   // >=, >, <=, <, ==
extern const std::vector<std::string> kAmountFields;  // total_investment, annual_plan, annual_completed

struct Target {
  int64_t id = 0;
  std::string name;
  std::string region;                   // the set: projects in this region …
  std::vector<std::string> categories;  // … of these categories (empty: all)
  std::string track, kind, level;       // … and these dictionary codes (empty: all)
  std::string metric = "start_rate";
  std::string stage;   // count_stage: count projects that reached this stage
  std::string amount;  // sum_amount: which amount
  std::string comparator = ">=";
  double threshold = 0;  // a share (0.6) for rates, a count, or yuan
  Date deadline;
  int64_t version = 1;
};

// Every problem of a target definition at once.
Problems Validate(const Target& t);
nlohmann::json ToJson(const Target& t);
Result<Target> TargetFromJson(const nlohmann::json& j);  // reports every bad field

// Whether the project belongs to the target's set (the region is applied by the caller).
bool InSet(const Target& t, const ledger::Project& p);

struct TargetStatus {
  std::string status;  // met, on_track, at_risk, missed
  double value = 0;
  int64_t numerator = 0, denominator = 0;
  // The value expected at the deadline from planned dates; once the deadline has come (as_of ≥
  // deadline), the value reached at the deadline (no forecast).
  double projected = 0;
  bool Satisfied(const Target& t, double v) const;
};

bool Compare(const std::string& comparator, double value, double threshold);

// `set` is the target's set (already filtered).
TargetStatus Evaluate(const Target& t, const std::vector<ledger::Project>& set, const Date& as_of);

}  // namespace gj::targets
