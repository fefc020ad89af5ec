#include "domain/targets/target.h"

#include <algorithm>
#include <cmath>

#include "common/json_field.h"
#include "common/json_limits.h"
#include "common/json_shape.h"
#include "common/money.h"
#include "domain/targets/start_rate.h"

namespace gj::targets {

const std::vector<std::string> kMetrics = {"start_rate", "count_stage",    "investment_rate",
                                           "sum_amount", "funds_in_place", "funds_in_place_usd",
                                           "composite"};
const std::vector<std::string> kComparators = {">=", ">", "<=", "<", "=="};
const std::vector<std::string> kAmountFields = {"total_investment", "annual_plan", "annual_completed"};

namespace {

bool OneOf(const std::vector<std::string>& list, const std::string& v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

// Stage order of the lifecycle; "reached" means this stage or a later one.
int StageRank(const std::string& s) {
  static const std::vector<std::string> order = {"planned", "reserve",   "signed",
                                                 "started", "completed", "operating"};
  auto it = std::find(order.begin(), order.end(), s);
  return it == order.end() ? -1 : static_cast<int>(it - order.begin());
}

// Whether the project has reached `stage` by `d`: dated stages by their dates, the others by the
// current stage (the ledger keeps no dates for them).
bool Reached(const ledger::Project& p, const std::string& stage, const Date& d) {
  if (stage == "started") return p.actual_start && *p.actual_start <= d;
  if (stage == "completed") return p.actual_completion && *p.actual_completion <= d;
  return StageRank(p.stage) >= StageRank(stage);
}

// Reached by the deadline according to plan: already reached, or planned by then.
bool PlannedBy(const ledger::Project& p, const std::string& stage, const Date& as_of, const Date& deadline) {
  if (Reached(p, stage, as_of)) return true;
  if (stage == "started") return p.planned_start && *p.planned_start <= deadline;
  if (stage == "completed") return p.planned_completion && *p.planned_completion <= deadline;
  return false;
}

int64_t Amount(const ledger::Project& p, const std::string& field) {
  if (field == "total_investment") return p.total_investment.value_or(0);
  if (field == "annual_plan") return p.annual_plan.value_or(0);
  return p.annual_completed.value_or(0);
}

int Months(const Date& d) { return d.month - 1 + (d.day == DaysInMonth(d.year, d.month) ? 1 : 0); }

constexpr size_t kMaxParts = 12;
constexpr int64_t kMaxPartGoal = 100000;

// A composite target: 1–12 parts, each named with a known metric and a goal ≥ 1; the threshold is
// how many parts must be met (1 … all) and only ≥ reads. Other metrics have no parts.
void ValidateParts(const Target& t, bool parts_known, Problems& pr) {
  if (t.metric != "composite") {
    if (!t.parts.empty())
      pr.Add("parts", std::to_string(t.parts.size()),
             "rule target.parts_only_composite: only a composite target has parts");
    return;
  }
  if (!parts_known) return;
  if (t.parts.empty() || t.parts.size() > kMaxParts)
    pr.Add("parts", std::to_string(t.parts.size()),
           "rule target.parts_count: a composite target has 1 to 12 parts");
  if (t.comparator != ">=")
    pr.Add("comparator", t.comparator, "rule target.composite_comparator: a composite target is met with >=");
  if (t.threshold != std::floor(t.threshold) || t.threshold < 1 ||
      t.threshold > static_cast<double>(std::max<size_t>(t.parts.size(), 1)))
    pr.Add("threshold", std::to_string(t.threshold),
           "rule target.composite_threshold: how many parts must be met, 1 to the number of parts");
  for (size_t i = 0; i < t.parts.size(); ++i) {
    const auto& p = t.parts[i];
    const std::string at = "parts[" + std::to_string(i) + "].";
    if (p.name.empty()) pr.Add(at + "name", "", "required");
    if (!OneOf(kPartMetrics, p.metric)) pr.Add({at + "metric", p.metric, "unknown metric", 0, kPartMetrics});
    if (p.goal < 1 || p.goal > kMaxPartGoal)
      pr.Add(at + "goal", std::to_string(p.goal), "rule target.part_goal: a count from 1 to 100000");
  }
}

Part PartFromJson(const nlohmann::json& j, const std::string& at, Problems& pr) {
  Part p;
  if (!j.is_object()) {
    pr.Add(at, BoundedDump(j), "must be an object");
    return p;
  }
  auto text = [&](const char* key, std::string& out) {
    if (!j.contains(key) || j[key].is_null()) return;
    if (!j[key].is_string()) pr.Add(at + key, BoundedDump(j[key]), "must be a string");
    else out = j[key].get<std::string>();
  };
  GJ_JSON_MEMBERS(text, p, name, metric, track, kind, level)
  if (!j.contains("goal") || !j["goal"].is_number_integer())
    pr.Add(at + "goal", BoundedDump(j.value("goal", nlohmann::json())), "required integer");
  else p.goal = j["goal"].get<int64_t>();
  if (j.contains("categories")) {
    if (!j["categories"].is_array())
      pr.Add(at + "categories", BoundedDump(j["categories"]), "must be an array");
    else
      for (const auto& c : j["categories"])
        if (c.is_string()) p.categories.push_back(c.get<std::string>());
  }
  for (const auto& [k, v] : j.items()) {
    if (!OneOf({"name", "metric", "goal", "categories", "track", "kind", "level"}, k))
      pr.Add(at + k, BoundedDump(v), "unknown field");
  }
  return p;
}

}  // namespace

nlohmann::json PartsToJson(const std::vector<Part>& parts) {
  static const JFields<Part> kFields =
      GJ_JSON_FIELDS(Part, name, metric, goal, categories, track, kind, level);
  auto out = nlohmann::json::array();
  for (const auto& p : parts) out.push_back(ObjectOf(p, kFields));
  return out;
}

bool Compare(const std::string& c, double v, double t) {
  const double eps = 1e-9;
  if (c == ">=") return v >= t - eps;
  if (c == ">") return v > t + eps;
  if (c == "<=") return v <= t + eps;
  if (c == "<") return v < t - eps;
  return std::fabs(v - t) <= eps;
}

bool TargetStatus::Satisfied(const Target& t, double v) const {
  return Compare(t.comparator, v, t.threshold);
}

Problems Validate(const Target& t, bool parts_known) {
  Problems pr;
  if (t.name.empty()) pr.Add("name", "", "required");
  if (!OneOf(kMetrics, t.metric)) pr.Add({"metric", t.metric, "unknown metric", 0, kMetrics});
  if (!OneOf(kComparators, t.comparator))
    pr.Add({"comparator", t.comparator, "unknown comparator", 0, kComparators});
  if (t.metric == "count_stage" && StageRank(t.stage) < 0) {
    pr.Add({"stage",
            t.stage,
            "count_stage needs a lifecycle stage",
            0,
            {"planned", "reserve", "signed", "started", "completed", "operating"}});
  }
  if (t.metric == "sum_amount" && !OneOf(kAmountFields, t.amount))
    pr.Add({"amount", t.amount, "sum_amount needs an amount", 0, kAmountFields});
  if ((t.metric == "start_rate" || t.metric == "investment_rate") && (t.threshold < 0 || t.threshold > 10)) {
    pr.Add("threshold", std::to_string(t.threshold), "a rate is a share, e.g. 0.6 for 60 %");
  }
  ValidateParts(t, parts_known, pr);
  if (t.threshold < 0) pr.Add("threshold", std::to_string(t.threshold), "must not be negative");
  else if (!std::isfinite(t.threshold) || t.threshold > static_cast<double>(kMaxAmountYuan))
    pr.Add("threshold", std::to_string(t.threshold), AmountBoundReason());
  return pr;
}

nlohmann::json ToJson(const Target& t) {
  static const JFields<Target> kFields =
      GJ_JSON_FIELDS(Target, id, name, region, categories, track, kind, level, metric, stage, amount,
                     comparator, threshold, deadline, version);
  return ObjectOf(t, kFields);
}

Result<Target> TargetFromJson(const nlohmann::json& j, bool stored) {
  if (!j.is_object()) return Error::BadRequest("the target must be a JSON object");
  Problems pr;
  Target t;
  auto text = [&](const char* key, std::string& out) {
    if (!j.contains(key) || j[key].is_null()) return;
    if (!j[key].is_string()) pr.Add(key, BoundedDump(j[key]), "must be a string");
    else out = j[key].get<std::string>();
  };
  GJ_JSON_MEMBERS(text, t, name, region, track, kind, level, metric, stage, amount, comparator)
  if (j.contains("categories")) {
    if (!j["categories"].is_array())
      pr.Add("categories", BoundedDump(j["categories"]), "must be an array of category codes");
    else
      for (const auto& c : j["categories"])
        if (c.is_string()) t.categories.push_back(c.get<std::string>());
  }
  if (!j.contains("threshold") || !j["threshold"].is_number())
    pr.Add("threshold", BoundedDump(j.value("threshold", nlohmann::json())), "required number");
  else t.threshold = j["threshold"].get<double>();
  const auto dl = j.contains("deadline") && j["deadline"].is_string()
                      ? ParseIsoDate(j["deadline"].get<std::string>())
                      : std::nullopt;
  if (!dl) pr.Add("deadline", BoundedDump(j.value("deadline", nlohmann::json())), "required date YYYY-MM-DD");
  else t.deadline = *dl;
  if (j.contains("parts") && !j["parts"].is_null()) {
    if (!j["parts"].is_array()) pr.Add("parts", BoundedDump(j["parts"]), "must be an array");
    else if (j["parts"].size() <= kMaxParts)
      for (size_t i = 0; i < j["parts"].size(); ++i)
        t.parts.push_back(PartFromJson(j["parts"][i], "parts[" + std::to_string(i) + "].", pr));
    else
      pr.Add("parts", std::to_string(j["parts"].size()),
             "rule target.parts_count: a composite target has 1 to 12 parts");
  }
  const Problems rules = Validate(t, !stored);
  for (const auto& d : rules.details()) pr.Add(d);
  if (!pr.empty()) return pr.ToError("the target is not valid");
  return t;
}

bool InSet(const Target& t, const ledger::Project& p) {
  if (p.archived) return false;
  if (!t.categories.empty() && !OneOf(t.categories, p.category)) return false;
  if (!t.track.empty() && p.track != t.track) return false;
  if (!t.kind.empty() && p.kind != t.kind) return false;
  if (!t.level.empty() && p.level != t.level) return false;
  return true;
}

TargetStatus Evaluate(const Target& t, const std::vector<ledger::Project>& set, const Date& as_of) {
  TargetStatus s;
  const Date at = std::min(as_of, t.deadline);  // after the deadline the result is the deadline's
  if (t.metric == "start_rate") {
    const Ratio now = StartRate(set, at);
    s.numerator = now.numerator;
    s.denominator = now.denominator;
    s.value = now.value().value_or(0);
    int64_t planned = 0;
    for (const auto& p : set) {
      if (!p.archived && p.kind == kNewKind && PlannedBy(p, "started", at, t.deadline)) ++planned;
    }
    s.projected = now.denominator ? static_cast<double>(planned) / static_cast<double>(now.denominator) : 0;
  } else if (t.metric == "count_stage") {
    int64_t planned = 0;
    for (const auto& p : set) {
      if (Reached(p, t.stage, at)) ++s.numerator;
      if (PlannedBy(p, t.stage, at, t.deadline)) ++planned;
    }
    s.denominator = static_cast<int64_t>(set.size());
    s.value = static_cast<double>(s.numerator);
    s.projected = static_cast<double>(planned);
  } else {
    int64_t plan = 0;
    for (const auto& p : set) {
      s.numerator =
          AddYuan(s.numerator, Amount(p, t.metric == "investment_rate" ? "annual_completed" : t.amount));
      plan = AddYuan(plan, p.annual_plan.value_or(0));
    }
    // Amounts carry no dates: completion is projected linearly over the deadline year's elapsed
    // months (none yet when the as-of date lies in an earlier year, e.g. 12-31 for next year's target).
    const int m_now = at.year < t.deadline.year ? 0 : Months(at),
              m_end = Months(t.deadline) == 0 ? 12 : Months(t.deadline);
    const double pace = m_now > 0 ? static_cast<double>(m_end) / m_now : 1.0;
    const bool grows = t.metric == "investment_rate" || t.amount == "annual_completed";
    if (t.metric == "investment_rate") {
      s.denominator = plan;
      s.value = plan ? static_cast<double>(s.numerator) / static_cast<double>(plan) : 0;
    } else {
      s.denominator = 1;
      s.value = static_cast<double>(s.numerator);
    }
    s.projected = grows ? s.value * pace : s.value;
  }
  SetStatus(t, as_of, s);
  return s;
}

void SetStatus(const Target& t, const Date& as_of, TargetStatus& s) {
  const bool ascending = t.comparator == ">=" || t.comparator == ">";
  if (as_of >= t.deadline) {
    // The deadline has come: the value is the one reached at it, and nothing is left to forecast.
    s.projected = s.value;
    s.status = s.Satisfied(t, s.value) ? "met" : "missed";
  } else if (ascending && s.Satisfied(t, s.value)) s.status = "met";
  else s.status = s.Satisfied(t, s.projected) ? "on_track" : "at_risk";
}

}  // namespace gj::targets
