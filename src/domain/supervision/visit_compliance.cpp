#include "domain/supervision/visit_compliance.h"

#include <algorithm>
#include <map>
#include <set>

namespace gj::supervision {

const char* HolderKindName(HolderKind k) { return k == HolderKind::kPerson ? "person" : "unit"; }

namespace {

// Whether `h` held `project` on some day of [a, b].
bool Held(const std::vector<const DatedAssignment*>& mine, int64_t project, const Date& a, const Date& b) {
  return std::any_of(mine.begin(), mine.end(),
                     [&](const DatedAssignment* x) { return x->project_id == project && x->Covers(a, b); });
}

int CountVisits(const std::vector<const HolderVisit*>& mine, int64_t project, const Date& a, const Date& b) {
  return static_cast<int>(std::count_if(mine.begin(), mine.end(), [&](const HolderVisit* v) {
    return v->project_id == project && v->visit_date >= a && v->visit_date <= b;
  }));
}

// The (project, window) pairs of the rule, as VisitCompliance counts them, owed only where held.
void CountWindows(HolderCompliance& hc, const std::vector<const DatedAssignment*>& mine,
                  const std::vector<const HolderVisit*>& visits, const std::set<int64_t>& projects,
                  const Date& from, const Date& to, const Date& as_of, const VisitRule& rule) {
  for (int64_t project : projects) {
    for (Date w = from; w <= to; w = w.AddDays(rule.window_days)) {
      const Date end = std::min(to, w.AddDays(rule.window_days - 1));
      if (end > as_of) break;
      if (!Held(mine, project, w, end)) continue;
      ++hc.required;
      const int n = CountVisits(visits, project, w, end);
      if (n >= rule.min_visits) ++hc.met;
      else hc.missed.push_back({project, w, end, n});
    }
  }
  hc.rate = hc.required == 0 ? 1.0 : static_cast<double>(hc.met) / hc.required;
}

// ISO weeks of [from, to] that have ended by as_of: held on a day of the week within the period,
// and visited (a visit in the week's part of the period to a project held in that week).
void CountWeeks(HolderCompliance& hc, const std::vector<const DatedAssignment*>& mine,
                const std::vector<const HolderVisit*>& visits, const Date& from, const Date& to,
                const Date& as_of) {
  for (Date monday = from.AddDays(-(from.IsoWeekday() - 1)); monday <= to; monday = monday.AddDays(7)) {
    const Date a = std::max(from, monday);
    const Date b = std::min(to, monday.AddDays(6));
    if (b > as_of) break;
    std::set<int64_t> held;
    for (const auto* x : mine) {
      if (x->Covers(a, b)) held.insert(x->project_id);
    }
    if (held.empty()) continue;
    ++hc.weeks_assigned;
    const bool visited = std::any_of(visits.begin(), visits.end(), [&](const HolderVisit* v) {
      return v->visit_date >= a && v->visit_date <= b && held.count(v->project_id) > 0;
    });
    if (visited) {
      ++hc.weeks_visited;
    } else {
      const IsoWeek iw = IsoWeekOf(monday);
      hc.missed_weeks.push_back({iw.year, iw.week, monday});
    }
  }
  hc.week_rate = hc.weeks_assigned == 0 ? 1.0 : static_cast<double>(hc.weeks_visited) / hc.weeks_assigned;
}

}  // namespace

std::vector<HolderCompliance> HolderVisitCompliance(const std::vector<DatedAssignment>& assignments,
                                                    const std::vector<HolderVisit>& visits, const Date& from,
                                                    const Date& to, const Date& as_of,
                                                    const VisitRule& rule) {
  const Date last = std::min(to, as_of);
  std::map<Holder, std::vector<const DatedAssignment*>> by_holder;
  for (const auto& a : assignments) {
    if (a.Covers(from, last)) by_holder[a.holder].push_back(&a);
  }
  std::vector<HolderCompliance> out;
  for (const auto& [holder, mine] : by_holder) {
    HolderCompliance hc;
    hc.holder = holder;
    std::set<int64_t> projects;
    for (const auto* a : mine) {
      if (a->Covers(from, last)) projects.insert(a->project_id);
    }
    hc.projects = static_cast<int>(projects.size());
    std::vector<const HolderVisit*> theirs;
    for (const auto& v : visits) {
      if (v.By(holder) && v.visit_date >= from && v.visit_date <= to) theirs.push_back(&v);
    }
    for (const auto* v : theirs) {
      if (v->visit_date > last) continue;
      const Date monday = v->visit_date.AddDays(-(v->visit_date.IsoWeekday() - 1));
      if (Held(mine, v->project_id, std::max(from, monday), std::min(to, monday.AddDays(6)))) ++hc.visits;
    }
    CountWindows(hc, mine, theirs, projects, from, to, as_of, rule);
    CountWeeks(hc, mine, theirs, from, to, as_of);
    out.push_back(std::move(hc));
  }
  return out;  // std::map order: kPerson before kUnit, then by id
}

std::vector<DatedAssignment> InEffect(const std::vector<DatedAssignment>& assignments, const Date& day) {
  std::vector<DatedAssignment> out;
  for (const auto& a : assignments) {
    if (a.Covers(day, day)) out.push_back(a);
  }
  return out;
}

Problems ValidateHandover(const std::vector<DatedAssignment>& moving, const Date& date) {
  Problems pr;
  for (const auto& a : moving) {
    if (a.from >= date) {
      pr.Add("date", date.ToString(),
             "rule assignment.handover_after_start: project " + std::to_string(a.project_id) +
                 " was assigned from " + a.from.ToString() + "; the handover must be later");
    }
  }
  return pr;
}

}  // namespace gj::supervision
