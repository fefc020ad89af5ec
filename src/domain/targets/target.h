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

// start_rate, count_stage, investment_rate, sum_amount, and the dated attraction figures:
// funds_in_place (到位资金, yuan), funds_in_place_usd (外资, USD) and composite (a goal of parts).
extern const std::vector<std::string> kMetrics;
// How a composite target's part is counted (composite.cpp): projects_started, backbone_growing, leads_landed.
extern const std::vector<std::string> kPartMetrics;
extern const std::vector<std::string> kComparators;   // >=, >, <=, <, ==
extern const std::vector<std::string> kAmountFields;  // total_investment, annual_plan, annual_completed

// A part of a composite target (东阿's "420": four parts of 20 each): its own figure (metric, one of
// kPartMetrics in composite.h) and count goal; projects_started counts the projects of its set.
struct Part {
  std::string name;
  std::string metric;
  int64_t goal = 0;
  std::vector<std::string> categories;  // projects_started: the set (empty: all)
  std::string track, kind, level;
  bool operator==(const Part&) const = default;
};

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
  double threshold = 0;  // a share (0.6) for rates, a count, yuan (USD for funds_in_place_usd),
                         // or for composite how many parts must be met
  Date deadline;
  std::vector<Part> parts;  // composite only (stored as target_parts rows, not in the definition)
  int64_t version = 1;
};

// Every problem of a target definition at once.
// parts_known false: a stored definition, whose parts are rows read afterwards (not checked here).
Problems Validate(const Target& t, bool parts_known = true);
// The definition without its parts (PartsToJson gives them).
nlohmann::json ToJson(const Target& t);
nlohmann::json PartsToJson(const std::vector<Part>& parts);
// Reads "parts" too (an array of {name, metric, goal, categories?, track?, kind?, level?}).
Result<Target> TargetFromJson(const nlohmann::json& j, bool stored = false);  // reports every bad field

// Whether the project belongs to the target's set (the region is applied by the caller).
bool InSet(const Target& t, const ledger::Project& p);

// Where a part of a composite target stands.
struct PartStatus {
  int64_t value = 0;      // the part's figure as of the date (within the deadline's year)
  int64_t projected = 0;  // expected at the deadline
  bool met = false;       // value ≥ goal
};

struct TargetStatus {
  std::string status;  // met, on_track, at_risk, missed
  // composite: value is the number of parts met, numerator/denominator parts met / parts, `parts`
  // each part's figures (in the target's order) and `ratio` Σ min(figure, goal) / Σ goal.
  std::vector<PartStatus> parts;
  std::optional<double> ratio;
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
// The status from value and projected (met, on_track, at_risk; met or missed once the deadline has come).
void SetStatus(const Target& t, const Date& as_of, TargetStatus& s);

}  // namespace gj::targets
