#include "domain/targets/composite.h"

#include <algorithm>
#include <functional>

#include "common/money.h"

namespace gj::targets {

const std::vector<std::string> kPartMetrics = {"projects_started", "backbone_growing", "leads_landed"};

namespace {

// The window of a yearly figure: from the deadline year's first day to min(as_of, deadline).
struct Window {
  Date from, at, deadline;
  bool empty() const { return at < from; }
  // How much of the year a figure that grows month by month has had: the deadline's month over the
  // date's month (1 when nothing of the year has passed yet).
  double Pace() const {
    if (empty()) return 1.0;
    return static_cast<double>(deadline.month) / static_cast<double>(at.month);
  }
};

Window WindowOf(const Target& t, const Date& as_of) {
  return {Date{t.deadline.year, 1, 1}, std::min(as_of, t.deadline), t.deadline};
}

bool Within(const std::optional<Date>& d, const Date& from, const Date& to) {
  return d && *d >= from && *d <= to;
}

// A part's figure and its projection at the deadline.
struct Count {
  int64_t value = 0, projected = 0;
};

Target SetOf(const Part& p) {
  Target t;
  t.categories = p.categories;
  t.track = p.track;
  t.kind = p.kind;
  t.level = p.level;
  return t;
}

Count ProjectsStarted(const Part& part, const TargetFacts& f, const Window& w) {
  const Target set = SetOf(part);
  Count c;
  for (const auto& p : f.projects) {
    if (!InSet(set, p)) continue;
    if (Within(p.actual_start, w.from, w.at)) {
      ++c.value;
      ++c.projected;
    } else if (!(p.actual_start && *p.actual_start <= w.at) && Within(p.planned_start, w.from, w.deadline)) {
      ++c.projected;
    }
  }
  return c;
}

Count BackboneGrowing(const Part&, const TargetFacts& f, const Window& w) {
  Count c;
  if (w.empty()) return c;
  for (const auto& e : f.backbone)
    if (DevelopingWell(e, w.at.year)) ++c.value;
  c.projected = c.value;
  return c;
}

Count LeadsLanded(const Part&, const TargetFacts& f, const Window& w) {
  Count c;
  if (w.empty()) return c;
  for (const auto& l : f.leads) {
    std::optional<Date> signed_on, registered_on;
    for (const auto& s : l.steps) {
      if (s.dated_on > w.at) continue;  // a step dated after the day does not count
      if (s.step == "signed" && (!signed_on || s.dated_on < *signed_on)) signed_on = s.dated_on;
      if (s.step == "registered" && (!registered_on || s.dated_on < *registered_on))
        registered_on = s.dated_on;
    }
    if (signed_on && Within(registered_on, w.from, w.at)) ++c.value;
  }
  c.projected = static_cast<int64_t>(static_cast<double>(c.value) * w.Pace());
  return c;
}

using PartCounter = std::function<Count(const Part&, const TargetFacts&, const Window&)>;

// The part metrics: a part row names one of these; the rows carry goals, names and sets.
const std::map<std::string, PartCounter>& Counters() {
  static const std::map<std::string, PartCounter> kCounters = {
      {"projects_started", ProjectsStarted},
      {"backbone_growing", BackboneGrowing},
      {"leads_landed", LeadsLanded},
  };
  return kCounters;
}

TargetStatus Composite(const Target& t, const TargetFacts& f, const Window& w) {
  TargetStatus s;
  int64_t reached = 0, goals = 0, projected_met = 0;
  for (const auto& part : t.parts) {
    const auto it = Counters().find(part.metric);
    const Count c = it == Counters().end() ? Count{} : it->second(part, f, w);
    PartStatus ps{c.value, c.projected, c.value >= part.goal};
    if (ps.met) ++s.numerator;
    if (c.projected >= part.goal) ++projected_met;
    reached += std::min(c.value, part.goal);
    goals += part.goal;
    s.parts.push_back(ps);
  }
  s.denominator = static_cast<int64_t>(t.parts.size());
  s.value = static_cast<double>(s.numerator);
  s.projected = static_cast<double>(projected_met);
  if (goals > 0) s.ratio = static_cast<double>(reached) / static_cast<double>(goals);
  return s;
}

}  // namespace

bool NeedsAttraction(const Target& t) {
  if (t.metric == "funds_in_place" || t.metric == "funds_in_place_usd") return true;
  return std::any_of(t.parts.begin(), t.parts.end(),
                     [](const Part& p) { return p.metric == "leads_landed"; });
}

bool NeedsBackbone(const Target& t) {
  return std::any_of(t.parts.begin(), t.parts.end(),
                     [](const Part& p) { return p.metric == "backbone_growing"; });
}

bool DevelopingWell(const BackboneFacts& e, int year) {
  auto known = [&](int y) {
    auto it = e.years.find(y);
    return it != e.years.end() && it->second.revenue && it->second.tax;
  };
  for (auto it = e.years.rbegin(); it != e.years.rend(); ++it) {
    const int y = it->first;
    if (y > year || !known(y) || !known(y - 1)) continue;
    const auto& now = it->second;
    const auto& before = e.years.at(y - 1);
    return *now.revenue > *before.revenue && *now.tax > *before.tax;
  }
  return false;
}

int64_t FundsInYear(const std::vector<attraction::FundsFact>& funds, int year, const Date& at, bool usd) {
  if (at.year < year) return 0;
  const std::string first = attraction::MonthOf(Date{year, 1, 1});
  const std::string last = at.year > year ? attraction::MonthOf(Date{year, 12, 31}) : attraction::MonthOf(at);
  int64_t sum = 0;
  for (const auto& e : funds) {
    if (e.month < first || e.month > last) continue;  // a month after the day does not count
    sum = AddYuan(sum, usd ? e.foreign_usd : AddYuan(e.fixed_assets, e.working_capital));
  }
  return sum;
}

TargetStatus EvaluateWith(const Target& t, const TargetFacts& facts, const Date& as_of) {
  const Window w = WindowOf(t, as_of);
  TargetStatus s;
  if (t.metric == "composite") {
    s = Composite(t, facts, w);
  } else if (t.metric == "funds_in_place" || t.metric == "funds_in_place_usd") {
    const int64_t v = FundsInYear(facts.funds, t.deadline.year, w.at, t.metric == "funds_in_place_usd");
    s.numerator = v;
    s.denominator = 1;
    s.value = static_cast<double>(v);
    s.projected = w.empty() ? 0 : s.value * w.Pace();
  } else {
    std::vector<ledger::Project> set;
    for (const auto& p : facts.projects)
      if (InSet(t, p)) set.push_back(p);
    return Evaluate(t, set, as_of);
  }
  SetStatus(t, as_of, s);
  return s;
}

std::optional<double> FundsRate(const std::vector<Target>& targets, const std::string& region,
                                const std::vector<attraction::FundsFact>& funds, const Date& as_of) {
  const Target* chosen = nullptr;
  for (const auto& t : targets) {
    if (t.metric != "funds_in_place" || t.region != region || t.deadline.year != as_of.year) continue;
    if (!chosen || t.deadline < chosen->deadline) chosen = &t;
  }
  if (!chosen || chosen->threshold <= 0) return std::nullopt;
  return static_cast<double>(FundsInYear(funds, as_of.year, as_of, false)) / chosen->threshold;
}

}  // namespace gj::targets
