#include "domain/ledger/project_year.h"

#include <algorithm>

namespace gj::ledger {

int CurrentListYear(const std::vector<int>& years_with_list, const Date& as_of) {
  int best = 0;
  for (int y : years_with_list) {
    if (y <= as_of.year && y > best) best = y;
  }
  return best ? best : as_of.year;
}

int ProjectDisplayYear(const std::vector<int>& project_years, int list_year) {
  int at_or_before = 0, latest = 0;
  for (int y : project_years) {
    latest = std::max(latest, y);
    if (y <= list_year) at_or_before = std::max(at_or_before, y);
  }
  return at_or_before ? at_or_before : latest;
}

Date FiguresDate(int year, const Date& as_of) { return std::min(as_of, Date{year, 12, 31}); }

int64_t AnnualCompletedAt(const Project& p, std::optional<int64_t> filed) {
  return filed ? *filed : p.annual_completed.value_or(0);
}

Date SameDayYearEarlier(const Date& d) {
  return {d.year - 1, d.month, std::min(d.day, DaysInMonth(d.year - 1, d.month))};
}

Problems ValidateProjectYear(const ProjectYear& y, const Dictionaries& dicts) {
  Problems pr;
  if (y.year < kFirstListYear || y.year > kLastListYear)
    pr.Add("year", std::to_string(y.year), "must be between 2000 and 2100");
  const auto kinds = dicts.find("kind");
  if (y.kind.empty()) {
    pr.Add("kind", "", "required");
  } else if (kinds == dicts.end() || !FindByCode(kinds->second, y.kind)) {
    pr.Add("kind", y.kind, "not a code of the kind dictionary");
  }
  for (const auto& [field, value] :
       {std::pair{"annual_plan", &y.annual_plan}, std::pair{"annual_completed", &y.annual_completed}}) {
    if (*value && **value < 0) pr.Add(field, std::to_string(**value), "must not be negative");
  }
  return pr;
}

nlohmann::json YearChanges(const ProjectYear* before, const ProjectYear& after) {
  auto money = [](const std::optional<int64_t>& v) { return v ? nlohmann::json(*v) : nlohmann::json(); };
  nlohmann::json out = nlohmann::json::array();
  auto add = [&](const char* field, nlohmann::json old_value, nlohmann::json new_value) {
    if (old_value != new_value)
      out.push_back({{"field", field}, {"year", after.year}, {"old", old_value}, {"new", new_value}});
  };
  add("kind", before ? nlohmann::json(before->kind) : nlohmann::json(), after.kind);
  add("annual_plan", before ? money(before->annual_plan) : nlohmann::json(), money(after.annual_plan));
  add("annual_completed", before ? money(before->annual_completed) : nlohmann::json(),
      money(after.annual_completed));
  return out;
}

std::vector<RolloverDecision> DecideRollover(const std::vector<RolloverCandidate>& candidates,
                                             int from_year) {
  const Date year_end{from_year, 12, 31};
  std::vector<RolloverDecision> out;
  out.reserve(candidates.size());
  for (const auto& c : candidates) {
    RolloverDecision d{c.project_id, c.code, c.name, c.stage, false, ""};
    if (c.on_next_list) d.reason = "already_listed";
    else if (c.archived) d.reason = "archived";
    else if (StageCountsAsCompleted(c.stage) || (c.actual_completion && *c.actual_completion <= year_end))
      d.reason = "completed";
    else {
      d.reason = "unfinished";
      d.carries = true;
    }
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace gj::ledger
