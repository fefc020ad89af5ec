#include "domain/supervision/visit.h"

#include <algorithm>
#include <map>
#include <set>

namespace gj::supervision {

namespace {

int CountVisits(const std::vector<VisitFact>& visits, int64_t leader, int64_t project, const Date& a,
                const Date& b) {
  int n = 0;
  for (const auto& v : visits) {
    if (v.leader_id == leader && v.project_id == project && v.visit_date >= a && v.visit_date <= b) ++n;
  }
  return n;
}

}  // namespace

std::vector<LeaderCompliance> VisitCompliance(const std::vector<Assignment>& assignments,
                                              const std::vector<VisitFact>& visits, const Date& from,
                                              const Date& to, const Date& as_of, const VisitRule& rule) {
  std::map<int64_t, std::set<int64_t>> projects_of;
  for (const auto& a : assignments) projects_of[a.leader_id].insert(a.project_id);
  std::vector<LeaderCompliance> out;
  for (const auto& [leader, projects] : projects_of) {
    LeaderCompliance lc;
    lc.leader_id = leader;
    lc.projects = static_cast<int>(projects.size());
    for (int64_t project : projects) {
      lc.visits += CountVisits(visits, leader, project, from, std::min(to, as_of));
      for (Date w = from; w <= to; w = w.AddDays(rule.window_days)) {
        const Date end = std::min(to, w.AddDays(rule.window_days - 1));
        if (end > as_of) break;
        ++lc.required;
        const int n = CountVisits(visits, leader, project, w, end);
        if (n >= rule.min_visits) ++lc.met;
        else lc.missed.push_back({project, w, end, n});
      }
    }
    lc.rate = lc.required == 0 ? 1.0 : static_cast<double>(lc.met) / lc.required;
    out.push_back(std::move(lc));
  }
  return out;
}

std::vector<MissedVisit> VisitsDue(int64_t leader_id, const std::vector<Assignment>& assignments,
                                   const std::vector<VisitFact>& visits, const Date& from, const Date& as_of,
                                   const VisitRule& rule) {
  std::vector<MissedVisit> out;
  if (as_of < from) return out;
  const int64_t offset = (as_of.ToDays() - from.ToDays()) / rule.window_days * rule.window_days;
  const Date w = from.AddDays(offset);
  const Date end = w.AddDays(rule.window_days - 1);
  std::set<int64_t> done;
  for (const auto& a : assignments) {
    if (a.leader_id != leader_id || !done.insert(a.project_id).second) continue;
    const int n = CountVisits(visits, leader_id, a.project_id, w, end);
    if (n < rule.min_visits) out.push_back({a.project_id, w, end, n});
  }
  return out;
}

Problems ValidateVisitRule(const VisitRule& rule) {
  Problems pr;
  if (rule.window_days < 1 || rule.window_days > 366)
    pr.Add("window_days", std::to_string(rule.window_days), "must be 1–366");
  if (rule.min_visits < 1) pr.Add("min_visits", std::to_string(rule.min_visits), "must be at least 1");
  return pr;
}

}  // namespace gj::supervision
