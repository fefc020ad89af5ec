#include "domain/chains/chain_figures.h"

#include <map>

namespace gj::chains {

const std::vector<std::string> kStages = {"upstream", "midstream", "downstream"};
const std::vector<std::string> kGroups = {"task_force", "support"};

Punctuality ReportPunctuality(const std::vector<ReportFiling>& filings, const Date& from, const Date& as_of,
                              const supervision::ReportPolicy& policy) {
  supervision::ReportPolicy weekly = policy;
  weekly.frequency = "week";
  // The first filing of each week that is dated by as_of (one per week is stored; min for safety).
  std::map<std::string, Date> filed;
  for (const auto& f : filings) {
    if (f.filed_on > as_of) continue;
    auto [it, added] = filed.emplace(f.week, f.filed_on);
    if (!added && f.filed_on < it->second) it->second = f.filed_on;
  }
  Punctuality out;
  if (as_of < from) return out;
  for (auto p = supervision::PeriodOf(from, weekly); p.start <= as_of; p = supervision::Next(p, weekly)) {
    WeekStatus w{p.key, p.start, p.end, p.due, "", std::nullopt};
    if (auto it = filed.find(p.key); it != filed.end()) {
      w.filed_on = it->second;
      w.status = it->second <= p.due ? "on_time" : "late";
    } else {
      w.status = p.due < as_of ? "missing" : "pending";
    }
    if (w.status == "on_time") ++out.on_time;
    if (w.status == "late") ++out.late;
    if (w.status == "missing") ++out.missing;
    if (w.status == "pending") ++out.pending;
    out.weeks.push_back(std::move(w));
  }
  out.due = out.on_time + out.late + out.missing;
  if (out.due > 0) out.rate = static_cast<double>(out.on_time) / out.due;
  return out;
}

bool OpenOn(const supervision::ProblemFact& p, const Date& as_of) {
  if (p.raised_on > as_of || p.status == "deferred") return false;
  if (p.closed_on && *p.closed_on <= as_of) return false;
  // Closed with no closing day recorded: closed whenever it was, so not open.
  if (p.status == "closed" && !p.closed_on) return false;
  return true;
}

bool OverdueOn(const supervision::ProblemFact& p, const Date& as_of) {
  return OpenOn(p, as_of) && p.deadline && *p.deadline < as_of;
}

const std::set<std::string>& FactorCategories() {
  static const std::set<std::string> kFactors = {"land",  "funds", "energy_quota", "environment_capacity",
                                                 "power", "water"};
  return kFactors;
}

bool IsFactorNeed(const std::string& problem_category) {
  return FactorCategories().count(problem_category) > 0;
}

ChainFigures Figures(const ChainFacts& facts, const Date& from, const Date& as_of,
                     const supervision::ReportPolicy& policy) {
  ChainFigures f;
  f.from = from;
  f.as_of = as_of;
  for (const auto& p : facts.projects) {
    if (p.archived) continue;
    ++f.projects;
    f.total_investment += p.total_investment.value_or(0);
  }
  f.start_rate = targets::StartRate(facts.projects, as_of);
  for (const auto& p : facts.problems) {
    if (OpenOn(p, as_of)) ++f.problems_open;
    if (OverdueOn(p, as_of)) ++f.problems_overdue;
  }
  f.reports = ReportPunctuality(facts.reports, from, as_of, policy);
  for (const auto& d : facts.visits) {
    if (d >= from && d <= as_of) ++f.visits;
  }
  f.leads_signed = facts.leads_signed;
  f.leads_signed_amount = facts.leads_signed_amount;
  return f;
}

}  // namespace gj::chains
