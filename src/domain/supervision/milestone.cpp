#include "domain/supervision/milestone.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace gj::supervision {

bool IsMilestoneLate(const Milestone& m, const Date& as_of) {
  if (m.actual_date) return *m.actual_date > m.planned_date;
  return as_of > m.planned_date;
}

std::vector<ScheduledMilestone> BackwardSchedule(const std::vector<Milestone>& ms, const Date& finish,
                                                 const Date& as_of) {
  std::map<int64_t, const Milestone*> by_id;
  for (const auto& m : ms) by_id[m.id] = &m;
  std::map<int64_t, std::vector<int64_t>> successors;
  for (const auto& m : ms) {
    if (m.predecessor_id && by_id.count(*m.predecessor_id)) successors[*m.predecessor_id].push_back(m.id);
  }
  std::map<int64_t, int64_t> latest_finish;  // days
  // Depth-first from the end of each chain; `guard` stops at a cycle (validation reports it).
  std::set<int64_t> guard;
  std::function<int64_t(int64_t)> lf = [&](int64_t id) -> int64_t {
    if (auto it = latest_finish.find(id); it != latest_finish.end()) return it->second;
    int64_t v = finish.ToDays();
    if (!guard.insert(id).second) return v;
    for (int64_t s : successors[id]) v = std::min(v, lf(s) - by_id[s]->duration_days);
    latest_finish[id] = v;
    return v;
  };
  std::vector<ScheduledMilestone> out;
  for (const auto& m : ms) {
    ScheduledMilestone s;
    s.id = m.id;
    const int64_t f = lf(m.id);
    s.latest_finish = Date::FromDays(f);
    s.latest_start = Date::FromDays(f - m.duration_days);
    s.planned_start = m.planned_date.AddDays(-m.duration_days);
    s.slack_days = f - m.planned_date.ToDays();
    s.late = IsMilestoneLate(m, as_of);
    if (s.late) s.days_late = (m.actual_date ? *m.actual_date : as_of).ToDays() - m.planned_date.ToDays();
    out.push_back(s);
  }
  return out;
}

Problems ValidateMilestones(const std::vector<Milestone>& ms) {
  Problems pr;
  std::map<int64_t, const Milestone*> by_id;
  for (const auto& m : ms) by_id[m.id] = &m;
  for (const auto& m : ms) {
    const std::string f = "milestones[" + std::to_string(m.id) + "]";
    if (m.name.empty()) pr.Add(f + ".name", "", "required");
    if (m.duration_days < 0)
      pr.Add(f + ".duration_days", std::to_string(m.duration_days), "must not be negative");
    if (!m.predecessor_id) continue;
    auto it = by_id.find(*m.predecessor_id);
    if (*m.predecessor_id == m.id || it == by_id.end()) {
      pr.Add(f + ".predecessor_id", std::to_string(*m.predecessor_id),
             "not another milestone of this project");
      continue;
    }
    const Milestone& p = *it->second;
    if (m.planned_date < p.planned_date) {
      pr.Add(f + ".planned_date", m.planned_date.ToString(),
             "rule milestone.after_predecessor: before the predecessor's planned date " +
                 p.planned_date.ToString());
    }
    if (m.actual_date && p.actual_date && *m.actual_date < *p.actual_date) {
      pr.Add(f + ".actual_date", m.actual_date->ToString(),
             "rule milestone.after_predecessor: before the predecessor's actual date " +
                 p.actual_date->ToString());
    }
    if (m.actual_date && !p.actual_date) {
      pr.Add(f + ".actual_date", m.actual_date->ToString(),
             "rule milestone.after_predecessor: the predecessor is not finished");
    }
    // A cycle: walking predecessors comes back to m.
    std::set<int64_t> seen{m.id};
    for (auto cur = p.predecessor_id; cur && by_id.count(*cur); cur = by_id[*cur]->predecessor_id) {
      if (!seen.insert(*cur).second) {
        pr.Add(f + ".predecessor_id", std::to_string(*m.predecessor_id),
               "rule milestone.no_cycle: predecessors form a cycle");
        break;
      }
    }
  }
  return pr;
}

}  // namespace gj::supervision
